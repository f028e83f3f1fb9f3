// The map of Japan: the share of one answer (はい by default) of the chosen line in each prefecture, as a
// tile-grid map with its legend beside the table of the same numbers. Narrowed to one prefecture (a
// prefecture's own users always are), only the table is shown: a national map of one prefecture says nothing.
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { InfoNotice } from '../account/ui';
import { h2Class, Loaded } from '../catalog/ui';
import { CountText, ExportLinks, ShareText, SuppressionNote, useLabel } from './format';
import { Select } from './Filters';
import { lineTitle } from './ItemExplorer';
import { answers, loadItemStatistics, type Answer, type StatisticsQuery } from './statisticsApi';
import type { ViewProps } from './StatisticsPages';
import { PrefectureMap } from './TileMap';

export function MapView({ context, lines, query, change }: ViewProps) {
  const { t, language } = useI18n();
  const s = t.statistics;
  const label = useLabel();
  const k = context.minimum_count;
  const answer: Answer = answers.find((candidate) => candidate === query.answer) ?? 'yes';
  const full: StatisticsQuery = { ...query, by: 'prefecture' };
  const [result, reload] = useResource(`item?${JSON.stringify(full)}`, (signal) => loadItemStatistics(full, signal));
  const showMap = context.scope.level === 'national' && query.prefecture === '';
  const title = s.mapCaption(lineTitle(lines, query, language), s.answers[answer]);
  const caption = s.indicatorOf(s.answers[answer]);
  return (
    <div class="mt-8">
      <div class="max-w-sm">
        <Select id="stat-answer" label={s.indicator} value={answer} options={answers.map((option) => [option, s.indicatorOf(s.answers[option])] as const)} onChange={(next) => change({ answer: next })} />
      </div>
      <h2 class={`${h2Class} mt-8`}>{title}</h2>
      {!showMap && <InfoNotice>{s.mapNationalOnly}</InfoNotice>}
      <Loaded resource={result} reload={reload}>
        {(data) => (
          <div class="mt-4 grid gap-8 xl:grid-cols-[3fr_2fr]">
            {showMap && (
              <div class="min-w-0">
                <PrefectureMap prefectures={context.prefectures} shares={new Map(data.groups.map((group) => [group.key, group[answer]]))} title={caption} testId="prefecture-map" k={k} />
              </div>
            )}
            <div class="min-w-0">
              <table class="w-full border-collapse text-left text-dns-16N-130" data-testid="map-table">
                <caption class="text-left text-std-16B-170">{s.mapTableCaption}</caption>
                <thead>
                  <tr class="border-b-2 border-solid-gray-600">
                    <th scope="col" class="px-2 py-2">{s.breakdowns.prefecture}</th>
                    <th scope="col" class="px-2 py-2 text-right">{s.asked}</th>
                    <th scope="col" class="px-2 py-2 text-right">{s.answers[answer]}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data.groups, data.total].map((group) => (
                    <tr key={group.key} class="border-b border-solid-gray-200" data-group={group.key}>
                      <th scope="row" class="px-2 py-1.5 font-bold">{group.key === data.total.key ? s.total : label(group)}</th>
                      <td class="px-2 py-1.5 text-right"><CountText count={group.asked} k={k} /></td>
                      <td class="px-2 py-1.5 text-right"><ShareText share={group[answer]} k={k} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </Loaded>
      <ExportLinks endpoint="item" query={full} testId="export-map" />
      <SuppressionNote k={k} />
    </div>
  );
}
