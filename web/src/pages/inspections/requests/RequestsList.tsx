// /improvement-requests: for inspectors, the requests of the jurisdiction (overdue first); for an
// institution's users, its inspections across years (notices, results, requests) — InstitutionInspections.
import { isInstitutionUser } from '../../../auth/landing';
import { RequireSession } from '../../../auth/RequireSession';
import type { ActiveSession } from '../../../auth/session';
import { useResource } from '../../../api/useResource';
import { langOf, useI18n } from '../../../i18n';
import { Link } from '../../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, InfoNotice, LoadingLine, WarningNotice } from '../../account/ui';
import { h1Class, linkClass } from '../../catalog/ui';
import { InstitutionInspections } from './InstitutionInspections';
import { loadRequests, requestPaths, type ImprovementRequest } from './requestsApi';
import { itemText, StatusBadge, useDay } from './ui';

function RequestRows({ requests }: { requests: ImprovementRequest[] }) {
  const { t } = useI18n();
  const r = t.improvementRequests;
  const day = useDay();
  return (
    <table class={`${cardTableClass} mt-6`} data-testid="requests-table">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{r.columns.institution}</th>
          <th scope="col" class="px-2 py-2">{r.columns.item}</th>
          <th scope="col" class="px-2 py-2">{r.columns.due}</th>
          <th scope="col" class="px-2 py-2">{r.columns.status}</th>
          <th scope="col" class="px-2 py-2">{r.columns.visit}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {requests.map((request) => (
          <tr key={request.id} class={cardRowClass} data-testid={`request-row-${request.id}`}>
            <td class={`${cardCellClass} font-bold`}>
              <CellLabel>{r.columns.institution}</CellLabel>
              <Link href={requestPaths.detail(request.id)} class={linkClass}>
                <span lang={langOf(request.organisation_name)}>{request.organisation_name}</span>
              </Link>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{r.columns.item}</CellLabel>
              <span lang="ja">{itemText(request)}</span>
            </td>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{r.columns.due}</CellLabel>
              {day(request.due_on)}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{r.columns.status}</CellLabel>
              <StatusBadge request={request} />
            </td>
            <td class={cardCellClass}>
              <CellLabel>{r.columns.visit}</CellLabel>
              <Link href={requestPaths.visit(request.visit_id)} class={linkClass}>
                {r.visitOf(request.fiscal_year, day(request.visit_on))}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InspectorList({ session }: { session: ActiveSession }) {
  const { t } = useI18n();
  const r = t.improvementRequests;
  const [resource] = useResource('improvement-requests', (signal) => loadRequests(signal));
  return (
    <div data-testid="requests-page">
      <p class="text-std-16B-170 text-solid-gray-700" lang={langOf(session.user.organisation_name)}>
        {session.user.organisation_name}
      </p>
      <h1 class={h1Class}>{r.listTitle}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175">{r.listLead}</p>
      {resource.state === 'loading' && <LoadingLine />}
      {resource.state === 'error' && <InfoNotice>{r.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && (
        <>
          {resource.data.overdue > 0 && (
            <div class="mt-6">
              <WarningNotice testId="requests-overdue">{r.overdueBanner(resource.data.overdue)}</WarningNotice>
            </div>
          )}
          {resource.data.requests.length === 0 ? <p class="mt-6 text-std-16N-170">{r.empty}</p> : <RequestRows requests={resource.data.requests} />}
        </>
      )}
    </div>
  );
}

export function RequestsList() {
  return (
    <RequireSession>
      {(session) => (isInstitutionUser(session.user) ? <InstitutionInspections session={session} /> : <InspectorList session={session} />)}
    </RequireSession>
  );
}
