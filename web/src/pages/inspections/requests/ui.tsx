// Small pieces shared by the improvement requests' pages.
import type { ComponentChildren } from 'preact';
import type { Resource } from '../../../api/useResource';
import { formatJstDate } from '../../../auth/format';
import { RequireSession } from '../../../auth/RequireSession';
import { useI18n } from '../../../i18n';
import { InfoNotice, LoadingLine } from '../../account/ui';
import type { ImprovementRequest } from './requestsApi';

export const textareaClass =
  'mt-2 block w-full max-w-3xl rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300';
export const selectClass =
  'mt-2 block w-full max-w-3xl rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300';
export const panelClass = 'mt-6 max-w-3xl rounded-8 border border-solid-gray-420 bg-white p-4 md:p-6';

/** A date (YYYY-MM-DD) or an instant, as the reader's language writes a day. */
export function useDay(): (iso: string | null | undefined) => string {
  const { language, t } = useI18n();
  return (iso) => (iso === null || iso === undefined || iso === '' ? t.improvementRequests.noDate : formatJstDate(iso.length === 10 ? `${iso}T00:00:00+09:00` : iso, language));
}

export function StatusBadge({ request }: { request: Pick<ImprovementRequest, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  const r = t.improvementRequests;
  const tone =
    request.status === 'closed'
      ? 'border-success-2 bg-green-50 text-green-1000'
      : request.status === 'completion_reported'
        ? 'border-blue-900 bg-blue-50 text-blue-1000'
        : 'border-yellow-700 bg-yellow-50 text-solid-gray-900';
  return (
    <span class="inline-flex flex-wrap gap-2">
      <span data-status={request.status} class={`inline-block whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-120 ${tone}`}>
        {r.status[request.status]}
      </span>
      {request.overdue && (
        <span data-testid="overdue-flag" class="inline-block whitespace-nowrap rounded-4 border border-error-1 bg-red-50 px-2 py-0.5 text-dns-14B-120 text-error-1">
          {r.overdue}
        </span>
      )}
    </span>
  );
}

/** "2-⑤ 退職者や…" or the label alone. */
export function itemText(request: { item_label: string; item_text: string }): string {
  if (request.item_label === '') return request.item_text;
  return request.item_text === '' ? request.item_label : `${request.item_label}　${request.item_text}`;
}

/** A page of this capability behind a session: loading, "not found / could not load", or its content. */
export function LoadedPage<T>({ resource, testId, children }: { resource: Resource<T>; testId?: string; children: (data: T) => ComponentChildren }) {
  const { t } = useI18n();
  return (
    <RequireSession>
      {() => (
        <>
          {resource.state === 'loading' && <LoadingLine />}
          {resource.state === 'error' && (
            <InfoNotice {...(testId === undefined ? {} : { testId })}>
              {resource.error.status === 404 ? t.improvementRequests.notFound : t.improvementRequests.loadFailed}
            </InfoNotice>
          )}
          {resource.state === 'ready' && children(resource.data)}
        </>
      )}
    </RequireSession>
  );
}
