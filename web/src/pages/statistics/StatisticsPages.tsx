// The statistics pages (統計) for the ministry's and the prefectures' users: the context (years, forms,
// filters, the caller's scope) is loaded once, the query is read from the address, and the chosen view gets
// both. A visitor who is not signed in sees what the section offers; anyone the API refuses (institutions,
// health centres, vendors) a plain notice.
import { useResource } from '../../api/useResource';
import { RequireSession } from '../../auth/RequireSession';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { Link, navigate, useSearch } from '../../router';
import { InfoNotice, LoadingLine } from '../account/ui';
import { h1Class, Loaded, ErrorMessage } from '../catalog/ui';
import { ComingSoon } from '../ComingSoon';
import { Comparison } from './Comparison';
import { Dashboard } from './Dashboard';
import { StatisticsFilters } from './Filters';
import { ItemExplorer } from './ItemExplorer';
import { MapView } from './MapView';
import { statisticsViewTitle, SurveyResults } from './SurveyResults';
import { queryFrom, statisticsPath, statisticsViews, type StatisticsRoute, type StatisticsView } from './routes';
import { loadContext, loadItems, type ItemLine, type StatisticsContext, type StatisticsQuery } from './statisticsApi';

export function statisticsPageTitle(t: Messages, route: StatisticsRoute): string {
  return statisticsViewTitle(t, route.page);
}

/** What every view gets: the context, the lines of the form, the query with defaults filled in, and a way to change it. */
export interface ViewProps {
  context: StatisticsContext;
  lines: ItemLine[];
  query: StatisticsQuery;
  change: (next: Partial<StatisticsQuery>) => void;
}

/** The query as the API should get it: the latest year and the medical form by default, a prefecture user's own prefecture always. */
function effectiveQuery(context: StatisticsContext, asked: StatisticsQuery): StatisticsQuery {
  const latest = context.fiscal_years.length === 0 ? '' : String(Math.max(...context.fiscal_years));
  const fiscalYear = context.fiscal_years.map(String).includes(asked.fiscal_year) ? asked.fiscal_year : latest;
  const form = context.forms.includes(asked.form) ? asked.form : (context.forms[0] ?? 'medical');
  const prefecture = context.scope.level === 'prefecture' ? context.scope.prefecture_code : asked.prefecture;
  return { ...asked, fiscal_year: fiscalYear, form, prefecture };
}

function withLine(query: StatisticsQuery, lines: ItemLine[]): StatisticsQuery {
  const exact = lines.find((line) => line.item === query.item && line.row === query.row);
  const sameItem = lines.find((line) => line.item === query.item);
  const line = exact ?? sameItem ?? lines[0];
  return line === undefined ? query : { ...query, item: line.item, row: line.row };
}

function ViewTabs({ view, query }: { view: StatisticsView; query: StatisticsQuery }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t.statistics.viewsLabel} class="mt-6 border-b-2 border-solid-gray-420" data-testid="statistics-tabs">
      <ul class="flex flex-wrap gap-x-1">
        {statisticsViews.map((candidate) => {
          const current = candidate === view;
          return (
            <li key={candidate}>
              <Link
                href={statisticsPath(candidate, query)}
                class={`-mb-0.5 inline-flex min-h-11 items-center border-b-4 px-4 text-std-16B-170 ${current ? 'border-blue-900 text-blue-1000' : 'border-transparent text-solid-gray-800 underline underline-offset-2 hover:text-blue-1000'}`}
                {...(current ? { 'aria-current': 'page' as const } : {})}
              >
                {statisticsViewTitle(t, candidate)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function ViewBody({ view, props }: { view: StatisticsView; props: ViewProps }) {
  switch (view) {
    case 'dashboard':
      return <Dashboard {...props} />;
    case 'items':
      return <ItemExplorer {...props} />;
    case 'compare':
      return <Comparison {...props} />;
    case 'map':
      return <MapView {...props} />;
    case 'surveys':
      return null;
  }
}

function WithLines({ view, context, query }: { view: StatisticsView; context: StatisticsContext; query: StatisticsQuery }) {
  const { t } = useI18n();
  const [items, reload] = useResource(`statistics-items/${query.fiscal_year}/${query.form}`, (signal) => loadItems(query.fiscal_year, query.form, signal));
  const change = (next: Partial<StatisticsQuery>) => navigate(statisticsPath(view, { ...query, ...next }));
  return (
    <Loaded resource={items} reload={reload}>
      {(list) => {
        const full = withLine(query, list.items);
        const props: ViewProps = { context, lines: list.items, query: full, change };
        return (
          <>
            <StatisticsFilters {...props} />
            <ViewTabs view={view} query={full} />
            {list.items.length === 0 ? <InfoNotice>{t.statistics.noLines}</InfoNotice> : <ViewBody view={view} props={props} />}
          </>
        );
      }}
    </Loaded>
  );
}

function StatisticsView({ view }: { view: StatisticsView }) {
  const { t } = useI18n();
  const s = t.statistics;
  const search = useSearch();
  const [context, reload] = useResource('statistics-context', loadContext);
  return (
    <div data-testid="statistics-page" data-view={view}>
      <h1 class={h1Class}>{statisticsViewTitle(t, view)}</h1>
      {context.state === 'loading' && <LoadingLine />}
      {context.state === 'error' &&
        (context.error.status === 404 ? <InfoNotice testId="statistics-not-allowed">{s.notAllowed}</InfoNotice> : <ErrorMessage error={context.error} onRetry={reload} />)}
      {context.state === 'ready' && (
        <>
          <p class="mt-4 max-w-3xl text-std-16N-175">{context.data.scope.level === 'national' ? s.leadNational : s.leadPrefecture}</p>
          <p class="mt-2 text-std-16N-170 text-solid-gray-800" data-testid="statistics-as-of">{s.asOf(context.data.as_of.slice(0, 16).replace('T', ' '))}</p>
          {context.data.fiscal_years.length === 0 ? (
            <InfoNotice testId="statistics-empty">{s.noYears}</InfoNotice>
          ) : view === 'surveys' ? (
            <>
              <ViewTabs view={view} query={effectiveQuery(context.data, queryFrom(search))} />
              <SurveyResults context={context.data} />
            </>
          ) : (
            <WithLines view={view} context={context.data} query={effectiveQuery(context.data, queryFrom(search))} />
          )}
        </>
      )}
    </div>
  );
}

export function StatisticsPage({ route }: { route: StatisticsRoute }) {
  const session = useSession();
  if (session.status === 'loading') return <LoadingLine />;
  if (session.status === 'anonymous' && route.page === 'dashboard') return <ComingSoon section="statistics" />;
  return <RequireSession>{() => <StatisticsView view={route.page} />}</RequireSession>;
}
