// The prefecture comparison: one answer of the chosen line, prefecture (or, within a prefecture, health
// centre) by bed band, with the totals of each row and column; the row totals also as bars. Every cell is
// "count / asked（%）" or 「秘匿」.
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { h2Class, Loaded } from '../catalog/ui';
import { ShareBars } from './charts';
import { ExportLinks, ShareText, SuppressionNote, useLabel } from './format';
import { Select } from './Filters';
import { lineTitle } from './ItemExplorer';
import { answers, loadCross, sortColumns, type Answer, type StatisticsQuery } from './statisticsApi';
import type { ViewProps } from './StatisticsPages';

const cellClass = 'border border-solid-gray-420 px-2 py-2 text-right align-top';
const headClass = 'border border-solid-gray-420 bg-solid-gray-50 px-2 py-2 text-left align-bottom text-dns-14B-120';

export function Comparison({ context, lines, query, change }: ViewProps) {
  const { t, language } = useI18n();
  const s = t.statistics;
  const label = useLabel();
  const k = context.minimum_count;
  const answer: Answer = answers.find((candidate) => candidate === query.answer) ?? 'yes';
  const full: StatisticsQuery = { ...query, answer };
  const [cross, reload] = useResource(`cross?${JSON.stringify(full)}`, (signal) => loadCross(full, signal));
  const rowsHeading = query.prefecture === '' ? s.breakdowns.prefecture : s.breakdowns.health_centre;
  return (
    <div class="mt-8">
      <div class="max-w-sm">
        <Select id="stat-answer" label={s.answer} value={answer} options={answers.map((option) => [option, s.answers[option]] as const)} onChange={(next) => change({ answer: next })} />
      </div>
      <h2 class={`${h2Class} mt-8`}>{lineTitle(lines, query, language)}</h2>
      <p class="mt-2 max-w-3xl text-std-16N-170">{s.crossLead(s.answers[answer], rowsHeading)}</p>
      <Loaded resource={cross} reload={reload}>
        {(data) => {
          const columns = sortColumns(data.columns.map((column, index) => ({ ...column, index })));
          return (
            <div class="mt-4 grid gap-8">
              <div class="min-w-0 overflow-x-auto" tabIndex={0} role="region" aria-label={s.crossCaption(s.answers[answer], rowsHeading)}>
                <table class="border-collapse text-dns-16N-130" data-testid="cross-table">
                  <caption class="sr-only">{s.crossCaption(s.answers[answer], rowsHeading)}</caption>
                  <thead>
                    <tr>
                      <th scope="col" class={headClass}>{rowsHeading}</th>
                      {columns.map((column) => (
                        <th key={column.key} scope="col" class={headClass}>{label(column)}</th>
                      ))}
                      <th scope="col" class={headClass}>{s.total}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row, rowIndex) => (
                      <tr key={row.key} data-row={row.key}>
                        <th scope="row" class={`${headClass} whitespace-nowrap`}>{label(row)}</th>
                        {columns.map((column) => (
                          <td key={column.key} class={cellClass} data-column={column.key}>
                            <ShareText share={data.cells[rowIndex]?.[column.index] ?? null} k={k} />
                          </td>
                        ))}
                        <td class={`${cellClass} font-bold`} data-column="total">
                          <ShareText share={data.row_totals[rowIndex] ?? null} k={k} />
                        </td>
                      </tr>
                    ))}
                    <tr data-row="total">
                      <th scope="row" class={headClass}>{s.total}</th>
                      {columns.map((column) => (
                        <td key={column.key} class={`${cellClass} font-bold`}>
                          <ShareText share={data.column_totals[column.index] ?? null} k={k} />
                        </td>
                      ))}
                      <td class={`${cellClass} font-bold`} data-column="total">
                        <ShareText share={data.grand_total} k={k} />
                      </td>
                    </tr>
                  </tbody>
                </table>
              </div>
              <ShareBars
                bars={data.rows.map((row, rowIndex) => ({ key: row.key, label: label(row), share: data.row_totals[rowIndex] ?? null }))}
                k={k}
                caption={s.barsCaption(s.answers[answer], rowsHeading)}
                testId="cross-chart"
              />
            </div>
          );
        }}
      </Loaded>
      <ExportLinks endpoint="cross" query={full} testId="export-cross" />
      <SuppressionNote k={k} />
    </div>
  );
}
