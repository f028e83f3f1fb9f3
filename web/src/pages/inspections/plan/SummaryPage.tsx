// /inspections/summary: a fiscal year in the jurisdiction — institutions due, planned, notified, postponed and
// inspected, inspections with findings, open and overdue improvement requests, checklist submission by kind.
import { useResource } from '../../../api/useResource';
import type { ActiveSession } from '../../../auth/session';
import type { OrganisationKind } from '../../../auth/types';
import { useI18n } from '../../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, LoadingLine } from '../../account/ui';
import { h2Class } from '../../catalog/ui';
import { PlanFrame, PlanLoadProblem, type PlanParams } from './PlanFrame';
import { planApi, type Summary } from './planApi';
import { planPaths } from './routes';

const figureOrder = ['institutions', 'due', 'planned', 'notified', 'postponed', 'inspected', 'with_findings', 'open_requests', 'overdue_requests'] as const;

function Figures({ summary }: { summary: Summary }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  return (
    <dl class="mt-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="summary-figures">
      {figureOrder.map((key) => (
        <div key={key} class={`rounded-8 border p-4 ${key === 'overdue_requests' && summary[key] > 0 ? 'border-2 border-error-1 bg-red-50' : 'border-solid-gray-420'}`} data-testid={`summary-${key}`}>
          <dt class="text-std-16B-170 text-solid-gray-800">{p.figures[key]}</dt>
          <dd class="mt-1 text-std-28B-150 tabular-nums text-solid-gray-900">{p.count(summary[key])}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SummaryPage({ session, params }: { session: ActiveSession; params: PlanParams }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const c = p.submissionColumns;
  const [summary] = useResource(`summary:${params.fiscalYear}:${params.healthCentre}`, (signal) => planApi.summary(params, signal));
  return (
    <PlanFrame session={session} title={p.summaryTitle} base={planPaths.summary} params={params} scoped>
      <p class="mt-4 max-w-3xl text-std-16N-175">{p.summaryLead}</p>
      {summary.state === 'loading' && <LoadingLine />}
      {summary.state === 'error' && <PlanLoadProblem error={summary.error} />}
      {summary.state === 'ready' && (
        <>
          <Figures summary={summary.data} />
          <section aria-labelledby="summary-submission" class="mt-10 max-w-3xl">
            <h2 id="summary-submission" class={h2Class}>{p.submissionHeading}</h2>
            <table class={`${cardTableClass} mt-4`} data-testid="summary-submission">
              <thead class={cardHeadClass}>
                <tr class="border-b-2 border-solid-gray-600">
                  <th scope="col" class="px-2 py-2">{c.kind}</th>
                  <th scope="col" class="px-2 py-2 md:text-right">{c.institutions}</th>
                  <th scope="col" class="px-2 py-2 md:text-right">{c.submitted}</th>
                  <th scope="col" class="px-2 py-2 md:text-right">{c.rate}</th>
                </tr>
              </thead>
              <tbody class="block md:table-row-group">
                {summary.data.submission.map((row) => (
                  <tr key={row.kind} class={cardRowClass}>
                    <td class={`${cardCellClass} font-bold`}>
                      <CellLabel>{c.kind}</CellLabel>
                      {t.identity.kinds[row.kind as OrganisationKind] ?? row.kind}
                    </td>
                    <td class={`${cardCellClass} tabular-nums md:text-right`}>
                      <CellLabel>{c.institutions}</CellLabel>
                      {row.institutions}
                    </td>
                    <td class={`${cardCellClass} tabular-nums md:text-right`}>
                      <CellLabel>{c.submitted}</CellLabel>
                      {row.submitted}
                    </td>
                    <td class={`${cardCellClass} tabular-nums md:text-right`}>
                      <CellLabel>{c.rate}</CellLabel>
                      {p.percent(row.institutions === 0 ? 0 : Math.round((row.submitted / row.institutions) * 100))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </PlanFrame>
  );
}
