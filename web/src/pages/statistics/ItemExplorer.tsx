// The item explorer: one checklist line's answers broken down by prefecture, health centre, facility kind,
// bed band or EHR use, as a bar chart of はい beside the full table, and as CSV or .xlsx.
import { useResource } from '../../api/useResource';
import { useI18n, type Language } from '../../i18n';
import { h2Class, Loaded } from '../catalog/ui';
import { ShareBars } from './charts';
import { ExportLinks, SuppressionNote, useLabel } from './format';
import { Select } from './Filters';
import { breakdowns, loadItemStatistics, loadTargets, sortGroups, type Breakdown, type ItemLine, type StatisticsQuery } from './statisticsApi';
import type { ViewProps } from './StatisticsPages';
import { GroupTable, TargetsTable } from './tables';

/** "1-① 医療情報システムの…" of the chosen line, in the reader's language. */
export function lineTitle(lines: ItemLine[], query: StatisticsQuery, language: Language): string {
  const line = lines.find((candidate) => candidate.item === query.item && candidate.row === query.row);
  return line === undefined ? '' : `${line.number} ${language === 'ja' ? line.title_ja : line.title_en}`;
}

export function defaultBreakdown(context: ViewProps['context'], query: StatisticsQuery): Breakdown {
  const asked = breakdowns.find((by) => by === query.by);
  if (asked !== undefined) return asked;
  return context.scope.level === 'prefecture' || query.prefecture !== '' ? 'health_centre' : 'prefecture';
}

export function ItemExplorer({ context, lines, query, change }: ViewProps) {
  const { t, language } = useI18n();
  const s = t.statistics;
  const label = useLabel();
  const k = context.minimum_count;
  const by = defaultBreakdown(context, query);
  const full: StatisticsQuery = { ...query, by };
  const [result, reload] = useResource(`item?${JSON.stringify(full)}`, (signal) => loadItemStatistics(full, signal));
  const [targets, reloadTargets] = useResource(`targets?${JSON.stringify(full)}`, (signal) => loadTargets(full, signal));
  const title = lineTitle(lines, query, language);
  return (
    <div class="mt-8">
      <div class="max-w-sm">
        <Select id="stat-by" label={s.breakdown} value={by} options={breakdowns.map((option) => [option, s.breakdowns[option]] as const)} onChange={(next) => change({ by: next })} />
      </div>
      <h2 class={`${h2Class} mt-8`}>{title}</h2>
      <Loaded resource={result} reload={reload}>
        {(data) => {
          const groups = sortGroups(by, data.groups);
          return (
            <div class="mt-4 grid gap-8">
              <ShareBars
                bars={groups.map((group) => ({ key: group.key, label: label(group), share: group.yes }))}
                k={k}
                caption={s.barsCaption(s.answers.yes, s.breakdowns[by])}
                testId="item-chart"
              />
              <div class="min-w-0 overflow-x-auto" tabIndex={0} role="region" aria-label={s.tableOf(s.breakdowns[by])}>
                <GroupTable groups={groups} total={data.total} groupHeading={s.breakdowns[by]} k={k} testId="item-table" />
              </div>
            </div>
          );
        }}
      </Loaded>
      <ExportLinks endpoint="item" query={full} testId="export-item" />
      <h2 class={`${h2Class} mt-10`}>{s.targets.title}</h2>
      <Loaded resource={targets} reload={reloadTargets}>
        {(data) => (
          <>
            <p class="mt-2 max-w-3xl text-std-16N-170">{s.targets.lead(data.today)}</p>
            <div class="mt-4 min-w-0 overflow-x-auto" tabIndex={0} role="region" aria-label={s.targets.title}>
              <TargetsTable groups={sortGroups(by, data.groups)} total={data.total} groupHeading={s.breakdowns[by]} k={k} testId="targets-table" />
            </div>
          </>
        )}
      </Loaded>
      <SuppressionNote k={k} />
    </div>
  );
}
