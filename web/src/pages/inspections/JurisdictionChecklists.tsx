// /inspections: the checklists of the jurisdiction (health centre: its municipalities; prefecture: its
// prefecture; ministry: every institution, status only), one fiscal year at a time, searched, sorted and
// paged by the server. Each name opens the checklist read-only. The query lives in the address, so a page
// of the list can be bookmarked and the browser's back button returns to it.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { useResource } from '../../api/useResource';
import { isInstitutionUser } from '../../auth/landing';
import { RequireSession } from '../../auth/RequireSession';
import type { ActiveSession } from '../../auth/session';
import type { OrganisationKind } from '../../auth/types';
import { langOf, useI18n, WithName } from '../../i18n';
import { Link, navigate, useSearch } from '../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, InfoNotice, LoadingLine } from '../account/ui';
import { assessmentPaths } from '../assessments/routes';
import { buttonClass, h1Class, linkClass } from '../catalog/ui';
import { ledgerPaths, withOrganisation } from '../ledger/routes';
import { JurisdictionFilters } from './JurisdictionFilters';
import { InstitutionInspections } from './requests/InstitutionInspections';
import { planPaths } from './plan/routes';
import { filterFrom, filterParams, jurisdictionSorts, loadJurisdiction, type JurisdictionQuery, type JurisdictionRow, type JurisdictionSort } from './jurisdictionApi';

export const inspectionsPath = '/inspections';

/** The Japanese fiscal year (April to March) of today in Japan. */
export function currentFiscalYear(now: Date = new Date()): number {
  const japan = new Date(now.getTime() + 9 * 60 * 60 * 1000);
  const year = japan.getUTCFullYear();
  return japan.getUTCMonth() < 3 ? year - 1 : year;
}

function readQuery(search: string): JurisdictionQuery {
  const params = new URLSearchParams(search);
  const current = currentFiscalYear();
  const fy = Number(params.get('fiscal_year'));
  const page = Number(params.get('page'));
  const sort = params.get('sort') as JurisdictionSort | null;
  return {
    fiscalYear: Number.isInteger(fy) && fy >= 2000 && fy <= 2100 ? fy : current,
    q: (params.get('q') ?? '').slice(0, 100),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    sort: sort !== null && jurisdictionSorts.includes(sort) ? sort : 'name',
    filter: filterFrom(params),
  };
}

function pathOf(query: JurisdictionQuery): string {
  const params = new URLSearchParams({ fiscal_year: String(query.fiscalYear) });
  if (query.q !== '') params.set('q', query.q);
  if (query.sort !== 'name') params.set('sort', query.sort);
  for (const [name, value] of filterParams(query.filter)) params.set(name, value);
  if (query.page > 1) params.set('page', String(query.page));
  return `${inspectionsPath}?${params.toString()}`;
}

const selectClass =
  'mt-2 block w-full rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300 md:w-auto';
const inputClass =
  'mt-2 block w-full rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300';

function StatusCell({ row }: { row: JurisdictionRow }) {
  const { t } = useI18n();
  const j = t.jurisdiction;
  const status = row.checklist === null ? 'none' : row.checklist.status;
  const tone =
    status === 'submitted'
      ? 'border-success-2 bg-green-50 text-green-1000'
      : status === 'draft'
        ? 'border-yellow-700 bg-yellow-50 text-solid-gray-900'
        : 'border-solid-gray-536 bg-white text-solid-gray-800';
  return <span data-status={status} class={`inline-block whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-120 ${tone}`}>{j.status[status]}</span>;
}

function Rows({ rows }: { rows: JurisdictionRow[] }) {
  const { t } = useI18n();
  const j = t.jurisdiction;
  const c = j.columns;
  return (
    <table class={`${cardTableClass} mt-6`} data-testid="jurisdiction-table">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{c.name}</th>
          <th scope="col" class="px-2 py-2">{c.kind}</th>
          <th scope="col" class="px-2 py-2">{c.facilityId}</th>
          <th scope="col" class="px-2 py-2">{c.municipality}</th>
          <th scope="col" class="px-2 py-2">{c.status}</th>
          <th scope="col" class="px-2 py-2 md:text-right">{c.answered}</th>
          <th scope="col" class="px-2 py-2 md:text-right">{c.noCount}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {rows.map((row) => {
          const checklist = row.checklist;
          const percent = checklist === null || checklist.lines === 0 ? null : Math.min(100, Math.round((checklist.answered / checklist.lines) * 100));
          return (
            <tr key={row.organisation_id} class={cardRowClass} data-testid={`jurisdiction-row-${row.organisation_id}`}>
              <td class={`${cardCellClass} font-bold`}>
                <CellLabel>{c.name}</CellLabel>
                {checklist !== null && row.readable ? (
                  <span lang={langOf(row.name)}>
                    <Link href={assessmentPaths.overview(checklist.id)} class={linkClass}>
                      {row.name}
                    </Link>
                  </span>
                ) : (
                  <span lang={langOf(row.name)}>{row.name}</span>
                )}
              </td>
              <td class={cardCellClass}>
                <CellLabel>{c.kind}</CellLabel>
                {t.identity.kinds[row.kind as OrganisationKind] ?? j.none}
                {row.beds !== null && row.kind === 'hospital' && <span class="block text-std-16N-170 text-solid-gray-700">{j.beds(row.beds)}</span>}
                {row.readable && (
                  <Link href={withOrganisation(ledgerPaths.list, row.organisation_id)} class={`${linkClass} block text-dns-14N-130`} data-testid="ledger-link">
                    {t.ledger.inspectorLink}
                  </Link>
                )}
              </td>
              <td class={`${cardCellClass} tabular-nums`}>
                <CellLabel>{c.facilityId}</CellLabel>
                {row.facility_id === '' ? j.none : row.facility_id}
              </td>
              <td class={cardCellClass}>
                <CellLabel>{c.municipality}</CellLabel>
                <span lang={langOf(row.municipality_name)}>
                  {row.municipality_name !== '' ? row.municipality_name : row.municipality_code !== '' ? row.municipality_code : j.none}
                </span>
              </td>
              <td class={cardCellClass}>
                <CellLabel>{c.status}</CellLabel>
                <StatusCell row={row} />
              </td>
              <td class={`${cardCellClass} tabular-nums md:text-right`}>
                <CellLabel>{c.answered}</CellLabel>
                {percent === null ? j.none : j.answeredShare(percent)}
              </td>
              <td class={`${cardCellClass} tabular-nums md:text-right`}>
                <CellLabel>{c.noCount}</CellLabel>
                {checklist === null ? j.none : j.noCount(checklist.no_count)}
                {checklist !== null && checklist.overdue_count > 0 && (
                  <span class="block text-dns-14B-120 text-error-1" data-testid="overdue-count">
                    {j.overdueCount(checklist.overdue_count)}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ListPage({ session }: { session: ActiveSession }) {
  const { t } = useI18n();
  const j = t.jurisdiction;
  const query = readQuery(useSearch());
  const [text, setText] = useState(query.q);
  const [resource] = useResource(pathOf(query), (signal) => loadJurisdiction(query, signal));
  const current = currentFiscalYear();
  const years = Array.from({ length: current - 2022 }, (_, i) => current - i);
  const go = (next: Partial<JurisdictionQuery>) => navigate(pathOf({ ...query, page: 1, ...next }));

  return (
    <div data-testid="jurisdiction-page">
      <p class="text-std-16B-170 text-solid-gray-700" lang={langOf(session.user.organisation_name)}>
        {session.user.organisation_name}
      </p>
      <h1 class={h1Class}>{j.title}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175"><WithName text={j.lead(session.user.organisation_name)} name={session.user.organisation_name} />
      </p>
      <ul class="mt-2 flex flex-wrap gap-x-6 gap-y-2" aria-label={t.inspectionPlan.links.label}>
        <li>
          <Link href={planPaths.plan} class={linkClass} data-testid="jurisdiction-plan-link">
            {t.inspectionPlan.links.plan}
          </Link>
        </li>
        <li>
          <Link href="/improvement-requests" class={linkClass} data-testid="requests-link">
            {t.improvementRequests.listTitle}
          </Link>
        </li>
      </ul>

      <form
        role="search"
        class="mt-6 flex flex-col gap-4 md:flex-row md:flex-wrap md:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          go({ q: text.trim().slice(0, 100) });
        }}
      >
        <div>
          <label for="jurisdiction-fy" class="block text-std-16B-170 text-solid-gray-900">{j.fiscalYear}</label>
          <select id="jurisdiction-fy" class={selectClass} value={String(query.fiscalYear)} onChange={(event) => go({ fiscalYear: Number((event.currentTarget as HTMLSelectElement).value) })}>
            {(years.includes(query.fiscalYear) ? years : [query.fiscalYear, ...years]).map((year) => (
              <option key={year} value={String(year)}>
                {t.assessments.fiscalYear(year)}
              </option>
            ))}
          </select>
        </div>
        <div class="md:min-w-80 md:flex-1">
          <label for="jurisdiction-q" class="block text-std-16B-170 text-solid-gray-900">{j.search}</label>
          <input id="jurisdiction-q" type="search" class={inputClass} value={text} maxLength={100} onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)} />
        </div>
        <div>
          <button type="submit" class={buttonClass}>{j.searchButton}</button>
        </div>
        <div>
          <label for="jurisdiction-sort" class="block text-std-16B-170 text-solid-gray-900">{j.sort}</label>
          <select id="jurisdiction-sort" class={selectClass} value={query.sort} onChange={(event) => go({ sort: (event.currentTarget as HTMLSelectElement).value as JurisdictionSort })}>
            {jurisdictionSorts.map((sort) => (
              <option key={sort} value={sort}>
                {j.sorts[sort]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <JurisdictionFilters filter={query.filter} onChange={(filter) => go({ filter })} />

      {resource.state === 'loading' && <LoadingLine />}
      {resource.state === 'error' &&
        (resource.error instanceof ApiError && resource.error.status === 403 ? (
          <InfoNotice testId="jurisdiction-not-allowed">{j.notJurisdiction}</InfoNotice>
        ) : (
          <p role="alert" class="mt-6 text-std-16N-170 text-error-1">{j.loadFailed}</p>
        ))}
      {resource.state === 'ready' && (
        <>
          <p role="status" class="mt-6 text-std-16B-170 text-solid-gray-900" data-testid="jurisdiction-total">
            {j.total(resource.data.total, (resource.data.page - 1) * resource.data.page_size + 1, (resource.data.page - 1) * resource.data.page_size + resource.data.rows.length)}
          </p>
          {resource.data.rows.length > 0 && <Rows rows={resource.data.rows} />}
          {resource.data.rows.some((row) => !row.readable) && <p class="mt-3 text-std-16N-170 text-solid-gray-700">{j.statusOnly}</p>}
          <Pager page={resource.data.page} pages={Math.max(1, Math.ceil(resource.data.total / resource.data.page_size))} onPage={(page) => navigate(pathOf({ ...query, page }))} />
        </>
      )}
    </div>
  );
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const j = t.jurisdiction;
  if (pages <= 1) return null;
  return (
    <nav aria-label={j.page(page, pages)} class="mt-6 flex flex-wrap items-center gap-4">
      <button type="button" class={buttonClass} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {j.previous}
      </button>
      <span class="text-std-16N-170">{j.page(page, pages)}</span>
      <button type="button" class={buttonClass} disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {j.next}
      </button>
    </nav>
  );
}

/** 立入検査: the jurisdiction's list for inspectors; an institution's own inspections for its users. */
export function JurisdictionChecklists() {
  return (
    <RequireSession>
      {(session) => (isInstitutionUser(session.user) ? <InstitutionInspections session={session} /> : <ListPage session={session} />)}
    </RequireSession>
  );
}
