// What every page of the yearly plan shares: the organisation's name, the title, the links between the
// plan's pages, the fiscal year and (for a prefecture) the health centre, kept in the address.
import type { ComponentChildren } from 'preact';
import { ApiError } from '../../../api/http';
import { useResource } from '../../../api/useResource';
import { ProblemError } from '../../../auth/request';
import type { ActiveSession } from '../../../auth/session';
import { langOf, useI18n } from '../../../i18n';
import type { Messages } from '../../../i18n/ja';
import { Link, navigate, useSearch } from '../../../router';
import { InfoNotice } from '../../account/ui';
import { h1Class, linkClass } from '../../catalog/ui';
import { currentFiscalYear, inspectionsPath } from '../JurisdictionChecklists';
import { loadJurisdictionChoices } from '../jurisdictionApi';
import type { PlanScope } from './planApi';
import { planPaths } from './routes';

export const selectClass =
  'mt-2 block w-full rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300 md:w-auto';
export const inputClass = selectClass;
export const labelClass = 'block text-std-16B-170 text-solid-gray-900';

export interface PlanParams extends PlanScope {
  status: string;
  month: number;
  view: 'list' | 'calendar';
  all: boolean;
}

export function readParams(search: string): PlanParams {
  const params = new URLSearchParams(search);
  const fy = Number(params.get('fiscal_year'));
  const centre = Number(params.get('health_centre'));
  const month = Number(params.get('month'));
  const status = params.get('status') ?? '';
  return {
    fiscalYear: Number.isInteger(fy) && fy >= 2000 && fy <= 2100 ? fy : currentFiscalYear(),
    healthCentre: Number.isInteger(centre) && centre > 0 ? centre : 0,
    status: ['planned', 'notified', 'postponed', 'done'].includes(status) ? status : '',
    month: Number.isInteger(month) && month >= 1 && month <= 12 ? month : 0,
    view: params.get('view') === 'calendar' ? 'calendar' : 'list',
    all: params.get('all') === 'true',
  };
}

export function hrefOf(base: string, p: PlanParams): string {
  const params = new URLSearchParams({ fiscal_year: String(p.fiscalYear) });
  if (p.healthCentre > 0) params.set('health_centre', String(p.healthCentre));
  if (p.status !== '') params.set('status', p.status);
  if (p.month > 0) params.set('month', String(p.month));
  if (p.view === 'calendar') params.set('view', 'calendar');
  if (p.all) params.set('all', 'true');
  return `${base}?${params.toString()}`;
}

/** The Japanese message for a problem of the plan: by the field it names, else by its kind. */
export function planProblem(t: Messages, error: unknown): string {
  const e = t.inspectionPlan.errors;
  if (error instanceof ProblemError) {
    const field = error.field();
    if (field !== null && e[field] !== undefined) return e[field];
    if (error.status === 409) return e['conflict'] ?? e['generic'] ?? '';
  }
  return e['generic'] ?? '';
}

export function PlanLoadProblem({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  if (error.status === 403) return <InfoNotice testId="plan-not-allowed">{p.notAllowed}</InfoNotice>;
  if (error.status === 404) return <InfoNotice testId="plan-not-found">{p.notFound}</InfoNotice>;
  return <p role="alert" class="mt-6 text-std-16N-170 text-error-1">{p.loadFailed}</p>;
}

export function formatDate(t: Messages, iso: string | null): string {
  return iso === null ? t.inspectionPlan.none : t.inspectionPlan.date(iso);
}

/** The page's frame: header, links, and the fiscal year and health centre choice (`scoped`). */
export function PlanFrame({
  session,
  title,
  base,
  params,
  scoped,
  children,
}: {
  session: ActiveSession;
  title: string;
  base: string;
  params: PlanParams;
  scoped: boolean;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const [choices] = useResource('jurisdiction-choices', (signal) => loadJurisdictionChoices(signal));
  const current = currentFiscalYear();
  const years = [current + 1, current, current - 1, current - 2];
  const go = (next: Partial<PlanParams>) => navigate(hrefOf(base, { ...params, ...next }));
  const centres = choices.state === 'ready' ? choices.data.health_centres : [];
  const links: [string, string][] = [
    [planPaths.plan, p.links.plan],
    [planPaths.summary, p.links.summary],
    [planPaths.policy, p.links.policy],
  ];
  return (
    <div data-testid="inspection-plan">
      <p class="text-std-16B-170 text-solid-gray-700" lang={langOf(session.user.organisation_name)}>
        {session.user.organisation_name}
      </p>
      <h1 class={h1Class}>{title}</h1>
      <nav aria-label={p.links.plan} class="mt-4">
        <ul class="flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170">
          {links.map(([href, label]) => (
            <li key={href}>
              <Link href={hrefOf(href, { ...params, status: '', month: 0, view: 'list', all: false })} class={linkClass} {...(href === base ? { 'aria-current': 'page' as const } : {})}>
                {label}
              </Link>
            </li>
          ))}
          <li>
            <Link href={inspectionsPath} class={linkClass}>
              {p.links.checklists}
            </Link>
          </li>
        </ul>
      </nav>
      {scoped && (
        <div class="mt-6 flex flex-col gap-4 md:flex-row md:items-end">
          <div>
            <label for="plan-fy" class={labelClass}>{p.fiscalYear}</label>
            <select id="plan-fy" class={selectClass} value={String(params.fiscalYear)} onChange={(event) => go({ fiscalYear: Number((event.currentTarget as HTMLSelectElement).value), month: 0 })}>
              {(years.includes(params.fiscalYear) ? years : [params.fiscalYear, ...years]).map((year) => (
                <option key={year} value={String(year)}>
                  {t.assessments.fiscalYear(year)}
                </option>
              ))}
            </select>
          </div>
          {centres.length > 0 && (
            <div>
              <label for="plan-centre" class={labelClass}>{p.healthCentre}</label>
              <select id="plan-centre" class={selectClass} value={String(params.healthCentre)} onChange={(event) => go({ healthCentre: Number((event.currentTarget as HTMLSelectElement).value) })}>
                <option value="0">{p.allCentres}</option>
                {centres.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
      {children}
    </div>
  );
}

export function useParams(): PlanParams {
  return readParams(useSearch());
}
