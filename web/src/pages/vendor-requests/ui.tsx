// Pieces shared by the vendor and institution pages of 事業者確認用 requests: the status words, days, the
// print links, the facts of a request and the answers as a read-only table (with changes marked).
import type { ComponentChildren } from 'preact';
import { formatJst } from '../../auth/format';
import { ProblemError } from '../../auth/request';
import { langOf, useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h2Class } from '../account/ui';
import { formatDate } from '../assessments/model';
import { rowLabel } from '../catalog/format';
import { linkClass } from '../catalog/ui';
import { documentLink, type AnswerLine, type VendorRequest } from './api';
import { lineKey, type FormItem, type FormRow, type FormSection } from './form';

export const badgeClass = 'inline-block whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-120';

const statusTone: Record<string, string> = {
  requested: 'border-blue-900 bg-blue-50 text-blue-1000',
  answered: 'border-green-900 bg-green-50 text-green-1000',
  returned: 'border-yellow-700 bg-yellow-50 text-solid-gray-900',
  declined: 'border-solid-gray-536 bg-solid-gray-50 text-solid-gray-800',
  withdrawn: 'border-solid-gray-536 bg-white text-solid-gray-800',
};

export function StatusBadges({ request }: { request: Pick<VendorRequest, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  const v = t.vendorRequests;
  return (
    <span class="inline-flex flex-wrap gap-2">
      <span class={`${badgeClass} ${statusTone[request.status] ?? ''}`} data-testid="status" data-status={request.status}>
        {v.status[request.status] ?? ''}
      </span>
      {request.overdue && (
        <span class={`${badgeClass} border-error-1 bg-red-50 text-error-1`} data-testid="overdue">
          {v.overdue}
        </span>
      )}
    </span>
  );
}

/** A day (YYYY-MM-DD) in the reader's language, or a dash. */
/** The last three cells of a request's row in every list: fiscal year, due date and status. */
export function RequestTimingCells({ request }: { request: Pick<VendorRequest, 'fiscal_year' | 'due_on' | 'status' | 'overdue'> }) {
  const { t } = useI18n();
  const c = t.vendorRequests.columns;
  const day = useDay();
  return (
    <>
      <td class={cardCellClass}>
        <CellLabel>{c.fiscalYear}</CellLabel>
        {t.vendorRequests.fiscalYear(request.fiscal_year)}
      </td>
      <td class={`${cardCellClass} tabular-nums`}>
        <CellLabel>{c.due}</CellLabel>
        {day(request.due_on)}
      </td>
      <td class={cardCellClass}>
        <CellLabel>{c.status}</CellLabel>
        <StatusBadges request={request} />
      </td>
    </>
  );
}

export function useDay(): (iso: string | null | undefined) => string {
  const { language, t } = useI18n();
  return (iso) => (iso === null || iso === undefined || iso === '' ? t.vendorRequests.none : formatDate(iso, language));
}

/** A moment (ISO timestamp) in Japan time, or a dash. */
export function useMoment(): (iso: string | null | undefined) => string {
  const { language, t } = useI18n();
  return (iso) => (iso === null || iso === undefined || iso === '' ? t.vendorRequests.none : formatJst(iso, language));
}

export function Name({ text }: { text: string }) {
  return <span lang={langOf(text)}>{text}</span>;
}

export function PrintLinks({ id, version }: { id: number; version: number | null }) {
  const { t } = useI18n();
  const p = t.vendorRequests.print;
  return (
    <section class="mt-8 print:hidden" data-testid="print-links">
      <h2 class={h2Class}>{p.heading}</h2>
      <ul class="mt-3 flex flex-wrap gap-6 text-std-16N-170">
        <li>
          <a href={documentLink(id, 'pdf', version)} class={linkClass} target="_blank" rel="noopener" data-testid="print-pdf">
            {p.pdf}
          </a>
        </li>
        <li>
          <a href={documentLink(id, 'xlsx', version)} class={linkClass} download data-testid="print-xlsx">
            {p.xlsx}
          </a>
        </li>
      </ul>
    </section>
  );
}

export function Facts({ rows, testId }: { rows: [string, ComponentChildren][]; testId: string }) {
  return (
    <dl class="mt-6 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 md:grid-cols-[14rem_1fr]" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label} class="contents">
          <dt class="text-std-16B-170 text-solid-gray-800">{label}</dt>
          <dd class="mb-2 whitespace-pre-wrap text-std-16N-170 md:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The facts of a request both sides see. */
export function RequestFacts({ request, side }: { request: VendorRequest; side: 'vendor' | 'institution' }) {
  const { t } = useI18n();
  const d = t.vendorRequests.detail;
  const day = useDay();
  const moment = useMoment();
  const product = [request.system.product_name, request.system.product_version].filter((part) => part !== '').join(' ');
  const rows: [string, ComponentChildren][] = [
    side === 'vendor' ? [d.institution, <Name text={request.institution.name} />] : [d.vendor, <Name text={request.vendor.name} />],
    [d.system, <Name text={request.system.name} />],
    [d.productName, product === '' ? t.vendorRequests.none : <Name text={product} />],
    [d.fiscalYear, t.vendorRequests.fiscalYear(request.fiscal_year)],
    [d.due, day(request.due_on)],
    [t.vendorRequests.columns.status, <StatusBadges request={request} />],
    [d.requestedAt, moment(request.requested_at)],
    [d.requestedBy, request.requested_by_name === '' ? t.vendorRequests.none : <Name text={request.requested_by_name} />],
    [d.asksDisclosure, request.asks_disclosure ? d.asksDisclosureYes : d.asksDisclosureNo],
  ];
  if (request.product !== null) rows.push([d.product, <Name text={request.product.name} />]);
  if (request.message !== '') rows.push([d.message, <Name text={request.message} />]);
  if (request.reason !== '' && (request.status === 'returned' || request.status === 'declined' || request.status === 'withdrawn')) {
    rows.push([`${d.reason}（${t.vendorRequests.status[request.status] ?? ''}）`, <Name text={request.reason} />]);
  }
  return <Facts rows={rows} testId="request-facts" />;
}

/** "2-④ サーバ" or "1-①". */
export function useRowName(): (item: Pick<FormItem, 'number'>, row: FormRow) => string {
  const { t, language } = useI18n();
  return (item, row) => {
    const label = rowLabel(t, language, row);
    return label === null ? item.number : `${item.number} ${label}`;
  };
}

/** はい / いいえ / 記入不要 / 未回答 of a line. */
export function useValueText(): (line: AnswerLine | null | undefined) => string {
  const { t } = useI18n();
  const a = t.assessments.values;
  return (line) => {
    if (line === null || line === undefined || line.value === null) return t.vendorRequests.institution.notAnswered;
    return line.value === 'not_required' ? t.vendorRequests.editor.notRequired : a[line.value];
  };
}

/** The answer of a line in one short phrase: いいえ（目標日 2027年3月31日）. */
export function useLineText(): (line: AnswerLine | null | undefined) => string {
  const valueText = useValueText();
  const day = useDay();
  const { t, language } = useI18n();
  const e = t.vendorRequests.editor;
  return (line) => {
    const parts: string[] = [];
    if (line?.confirmed_on) parts.push(`${e.confirmedOn} ${day(line.confirmed_on)}`);
    if (line?.target_date) parts.push(`${e.targetDate} ${day(line.target_date)}`);
    if (parts.length === 0) return valueText(line);
    return language === 'ja' ? `${valueText(line)}（${parts.join('、')}）` : `${valueText(line)} (${parts.join(', ')})`;
  };
}

/**
 * The answers of a version as a table, section by section. `marked` rows (changed since the previous
 * version, or this customer's own) carry a badge; `extra` adds a cell at the end of each row (actions).
 */
export function AnswersTable({
  sections,
  answers,
  marked,
  markLabel,
  extra,
  testId,
}: {
  sections: FormSection[];
  answers: Map<string, AnswerLine>;
  marked?: Map<string, ComponentChildren>;
  markLabel?: string;
  extra?: ((item: FormItem, row: FormRow) => ComponentChildren) | undefined;
  testId: string;
}) {
  const { t, language } = useI18n();
  const v = t.vendorRequests;
  const e = v.editor;
  const rowName = useRowName();
  const lineText = useLineText();
  return (
    <div data-testid={testId}>
      {sections.map((section) => (
        <section key={section.id} class="mt-6">
          <h3 class="text-std-18B-160 text-solid-gray-900">{language === 'en' && section.title_en !== '' ? section.title_en : section.title_ja}</h3>
          <table class={`${cardTableClass} mt-2 md:table-fixed`}>
            <thead class={cardHeadClass}>
              <tr class="border-b-2 border-solid-gray-600">
                <th scope="col" class="w-44 px-2 py-2">{v.columns.number}</th>
                <th scope="col" class="px-2 py-2">{v.columns.item}</th>
                <th scope="col" class="w-56 px-2 py-2">{e.answer}</th>
                <th scope="col" class="w-48 px-2 py-2">{e.note}</th>
                {extra !== undefined && (
                  <th scope="col" class="w-40 px-2 py-2">
                    <span class="sr-only">{v.columns.actions}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody class="block md:table-row-group">
              {section.items.flatMap((item) =>
                item.rows.map((row) => {
                  const key = lineKey(item.canonical_id, row.key);
                  const line = answers.get(key);
                  const mark = marked?.get(key);
                  return (
                    <tr key={key} class={`${cardRowClass} ${mark !== undefined ? 'bg-yellow-50' : ''}`} data-testid={`line-${key}`} data-marked={mark !== undefined ? 'true' : 'false'}>
                      <td class={`${cardCellClass} font-bold`}>
                        <CellLabel>{v.columns.number}</CellLabel>
                        {rowName(item, row)}
                      </td>
                      <td class={cardCellClass}>
                        <CellLabel>{v.columns.item}</CellLabel>
                        <span lang="ja">{item.text_ja}</span>
                      </td>
                      <td class={cardCellClass} data-testid="line-answer">
                        <CellLabel>{e.answer}</CellLabel>
                        <div>
                          <span class={line?.value === 'no' ? 'font-bold' : ''} data-testid="line-value">{lineText(line)}</span>
                          {mark !== undefined && (
                            <div class="mt-1">
                              <span class={`${badgeClass} border-yellow-700 bg-yellow-100 text-solid-gray-900`} data-testid="line-mark">
                                {markLabel}
                              </span>
                              {mark !== true && <div class="mt-1 text-dns-14N-130 text-solid-gray-800">{mark}</div>}
                            </div>
                          )}
                        </div>
                      </td>
                      <td class={`${cardCellClass} whitespace-pre-wrap`}>
                        <CellLabel>{e.note}</CellLabel>
                        {line?.note ? <Name text={line.note} /> : v.none}
                      </td>
                      {extra !== undefined && <td class={cardCellClass}>{extra(item, row)}</td>}
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">
      {t.vendorRequests.loading}
    </p>
  );
}

/** Why a share failed as a whole: no answers saved for that year (409 fiscal_year), a conflict, or else. */
export function shareProblem(t: Messages, error: unknown): string {
  if (!(error instanceof ProblemError) || error.status !== 409) return t.vendorRequests.saveFailed;
  return error.field() === 'fiscal_year' ? (t.vendorRequests.refusals['no_answers'] ?? '') : t.vendorRequests.stale;
}

/** A refusal's reason in the reader's words (the server names the cause with a word such as "withdrawn"). */
export function reasonText(t: Messages, reason: string): string {
  const r = t.vendorRequests.refusals;
  return r[reason] ?? r['other'] ?? '';
}
