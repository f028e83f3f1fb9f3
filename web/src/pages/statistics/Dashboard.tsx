// The statistics dashboard: the key indicators of the chosen year and filters (institutions asked,
// submitted, complete, and the chosen line's はい), the line's trend over the fiscal years, and for the
// ministry the map of the line by prefecture. Each block has its CSV and .xlsx links.
import type { ComponentChildren } from 'preact';
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { ErrorMessage, h2Class, linkClass, Loaded } from '../catalog/ui';
import { ShareBars } from './charts';
import { CountText, ExportLinks, ShareText, SuppressionNote } from './format';
import { statisticsPath } from './routes';
import { loadItemStatistics, loadRates, loadTrend, openDataDictionaryUrl, openDataUrl, type Share, type StatisticsQuery } from './statisticsApi';
import type { ViewProps } from './StatisticsPages';
import { PrefectureMap } from './TileMap';
import { lineTitle } from './ItemExplorer';
import { SurveyComparison } from './SurveyComparison';

function Indicator({ title, testId, children }: { title: string; testId: string; children: ComponentChildren }) {
  return (
    <div class="rounded-8 border-2 border-solid-gray-420 p-4" data-testid={testId}>
      <dt class="text-std-16B-170 text-solid-gray-800">{title}</dt>
      <dd class="mt-1 text-std-20B-150">{children}</dd>
    </div>
  );
}

function keyOf(endpoint: string, query: StatisticsQuery): string {
  return `${endpoint}?${JSON.stringify(query)}`;
}

export function Dashboard({ context, lines, query }: ViewProps) {
  const { t, language } = useI18n();
  const s = t.statistics;
  const k = context.minimum_count;
  const showMap = context.scope.level === 'national' && query.prefecture === '';
  const byPrefecture: StatisticsQuery = { ...query, by: 'prefecture' };
  const [rates, reloadRates] = useResource(keyOf('rates', byPrefecture), (signal) => loadRates(byPrefecture, signal));
  const [item, reloadItem] = useResource(keyOf('item', byPrefecture), (signal) => loadItemStatistics(byPrefecture, signal));
  const [trend, reloadTrend] = useResource(keyOf('trend', byPrefecture), (signal) => loadTrend(byPrefecture, signal));
  const title = lineTitle(lines, query, language);

  return (
    <div class="mt-8">
      <h2 class={h2Class}>{s.keyIndicators}</h2>
      <dl class="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="key-indicators">
        <Indicator title={s.asked} testId="indicator-asked">
          {rates.state === 'ready' ? <CountText count={rates.data.total.asked} k={k} /> : '…'}
        </Indicator>
        <Indicator title={s.submitted} testId="indicator-submitted">
          {rates.state === 'ready' ? <ShareText share={rates.data.total.submitted} k={k} /> : '…'}
        </Indicator>
        <Indicator title={s.complete} testId="indicator-complete">
          {rates.state === 'ready' ? <ShareText share={rates.data.total.complete} k={k} /> : '…'}
        </Indicator>
        <Indicator title={s.lineYes} testId="indicator-yes">
          {item.state === 'ready' ? <ShareText share={item.data.total.yes} k={k} /> : '…'}
        </Indicator>
      </dl>
      <p class="mt-2 text-std-16N-170 text-solid-gray-800">{s.lineYesOf(title)}</p>
      {rates.state === 'error' && <ErrorMessage error={rates.error} onRetry={reloadRates} />}
      <ExportLinks endpoint="rates" query={byPrefecture} testId="export-rates" />

      <h2 class={`${h2Class} mt-10`}>{s.trendTitle}</h2>
      <Loaded resource={trend} reload={reloadTrend}>
        {(data) => {
          const bars = data.years.map((year) => ({ key: String(year.fiscal_year), label: s.yearName(year.fiscal_year), share: year.total.yes as Share }));
          return (
            <div class="mt-4 grid gap-6 lg:grid-cols-2">
              <ShareBars bars={bars} k={k} caption={s.trendCaption(title)} testId="trend-chart" />
              <table class="w-full border-collapse text-left text-std-16N-170" data-testid="trend-table">
                <caption class="text-left text-std-16B-170">{s.trendTableCaption}</caption>
                <thead>
                  <tr class="border-b-2 border-solid-gray-600">
                    <th scope="col" class="px-2 py-2">{s.fiscalYear}</th>
                    <th scope="col" class="px-2 py-2 text-right">{s.asked}</th>
                    <th scope="col" class="px-2 py-2 text-right">{s.answers.yes}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.years.map((year) => (
                    <tr key={year.fiscal_year} class="border-b border-solid-gray-200">
                      <th scope="row" class="px-2 py-2 font-bold">{s.yearName(year.fiscal_year)}</th>
                      <td class="px-2 py-2 text-right"><CountText count={year.total.asked} k={k} /></td>
                      <td class="px-2 py-2 text-right"><ShareText share={year.total.yes} k={k} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </Loaded>
      <ExportLinks endpoint="trend" query={byPrefecture} testId="export-trend" />

      {showMap && (
        <>
          <h2 class={`${h2Class} mt-10`}>{s.mapTitle}</h2>
          <Loaded resource={item} reload={reloadItem}>
            {(data) => (
              <div class="mt-4">
                <PrefectureMap
                  prefectures={context.prefectures}
                  shares={new Map(data.groups.map((group) => [group.key, group.yes]))}
                  title={s.mapCaption(title, s.answers.yes)}
                  testId="dashboard-map"
                  k={k}
                />
              </div>
            )}
          </Loaded>
          <ExportLinks endpoint="item" query={byPrefecture} testId="export-item" />
          <p class="mt-2 text-std-16N-170">
            <Link href={statisticsPath('map', query)} class={linkClass}>{s.openMap}</Link>
          </p>
        </>
      )}
      {query.form === 'medical' && (
        <SurveyComparison fiscalYear={query.fiscal_year} k={k} />
      )}
      {context.scope.level === 'national' && (
        <>
          <h2 class={`${h2Class} mt-10`}>{s.openDataTitle}</h2>
          <p class="mt-2 max-w-3xl text-std-16N-170">{s.openDataLead(s.yearName(Number(query.fiscal_year)))}</p>
          <p class="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170" data-testid="open-data">
            <a href={openDataUrl(query)} download class={linkClass} data-testid="open-data-file">{s.openDataFile}</a>
            <a href={openDataDictionaryUrl} download class={linkClass}>{s.openDataDictionary}</a>
          </p>
        </>
      )}
      <SuppressionNote k={k} />
    </div>
  );
}
