// /inspections/plan: the institutions due in the fiscal year (choose some and add them to the plan at once),
// the planned inspections as a list or a month calendar, the plan as CSV out and back in.
import { useState } from 'preact/hooks';
import { useResource } from '../../../api/useResource';
import type { ActiveSession } from '../../../auth/session';
import { langOf, useI18n } from '../../../i18n';
import { Link, navigate } from '../../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, Checkbox, LoadingLine, SuccessNotice } from '../../account/ui';
import { buttonClass, h2Class, linkClass, primaryButtonClass } from '../../catalog/ui';
import { PlanCalendar } from './PlanCalendar';
import { formatDate, hrefOf, inputClass, labelClass, PlanFrame, PlanLoadProblem, planProblem, type PlanParams, selectClass } from './PlanFrame';
import { PlanImport } from './PlanImport';
import { planApi, visitStatuses, type DueRow, type Visit } from './planApi';
import { planPaths } from './routes';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const tone =
    status === 'notified'
      ? 'border-blue-900 bg-blue-50 text-blue-1000'
      : status === 'postponed'
        ? 'border-yellow-700 bg-yellow-50 text-solid-gray-900'
        : status === 'done'
          ? 'border-success-2 bg-green-50 text-green-1000'
          : 'border-solid-gray-536 bg-white text-solid-gray-800';
  return (
    <span data-status={status} class={`inline-block whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-120 ${tone}`}>
      {t.inspectionPlan.statuses[status] ?? status}
    </span>
  );
}

function DueSection({ params, onPlanned }: { params: PlanParams; onPlanned: () => void }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const [due, reload] = useResource(`due:${params.fiscalYear}:${params.healthCentre}:${params.all}`, (signal) => planApi.due(params, params.all, signal));
  const [people] = useResource('plan-inspectors', (signal) => planApi.inspectors(signal));
  const [chosen, setChosen] = useState<number[]>([]);
  const [plannedOn, setPlannedOn] = useState('');
  const [inspector, setInspector] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const plan = async () => {
    if (chosen.length === 0) {
      setMessage({ ok: false, text: p.selectFirst });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const created = await planApi.create({
        organisation_ids: chosen,
        fiscal_year: params.fiscalYear,
        ...(plannedOn === '' ? {} : { planned_on: plannedOn }),
        inspectors: inspector === '' ? [] : [Number(inspector)],
      });
      setChosen([]);
      setMessage({ ok: true, text: p.added(created.created.length) });
      reload();
      onPlanned();
    } catch (error) {
      setMessage({ ok: false, text: planProblem(t, error) });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (row: DueRow, on: boolean) => setChosen((list) => (on ? [...list, row.organisation_id] : list.filter((id) => id !== row.organisation_id)));
  return (
    <section aria-labelledby="plan-due" class="mt-10" data-testid="plan-due">
      <h2 id="plan-due" class={h2Class}>{p.dueHeading}</h2>
      <p class="mt-2 max-w-3xl text-std-16N-170">{p.dueLead}</p>
      <Checkbox id="plan-due-all" checked={params.all} onChange={(all) => navigate(hrefOf(planPaths.plan, { ...params, all }))} label={p.showAll} />
      {due.state === 'loading' && <LoadingLine />}
      {due.state === 'error' && <PlanLoadProblem error={due.error} />}
      {due.state === 'ready' && due.data.rows.length === 0 && <p class="mt-4 text-std-16N-170">{p.dueNone}</p>}
      {due.state === 'ready' && due.data.rows.length > 0 && (
        <table class={`${cardTableClass} mt-4`} data-testid="plan-due-table">
          <thead class={cardHeadClass}>
            <tr class="border-b-2 border-solid-gray-600">
              <th scope="col" class="px-2 py-2">{p.columns.select}</th>
              <th scope="col" class="px-2 py-2">{p.columns.name}</th>
              <th scope="col" class="px-2 py-2">{p.columns.kind}</th>
              <th scope="col" class="px-2 py-2">{p.columns.state}</th>
              <th scope="col" class="px-2 py-2">{p.columns.last}</th>
              <th scope="col" class="px-2 py-2">{p.columns.visit}</th>
            </tr>
          </thead>
          <tbody class="block md:table-row-group">
            {due.data.rows.map((row) => (
              <tr key={row.organisation_id} class={cardRowClass} data-testid={`plan-due-row-${row.organisation_id}`}>
                <td class={cardCellClass}>
                  <CellLabel>{p.columns.select}</CellLabel>
                  {row.visit_id === null && (
                    <input
                      type="checkbox"
                      class="size-6 accent-blue-900"
                      aria-label={p.selectRow(row.name)}
                      checked={chosen.includes(row.organisation_id)}
                      onChange={(event) => toggle(row, (event.currentTarget as HTMLInputElement).checked)}
                    />
                  )}
                </td>
                <td class={`${cardCellClass} font-bold`}>
                  <CellLabel>{p.columns.name}</CellLabel>
                  <span lang={langOf(row.name)}>{row.name}</span>
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{p.columns.kind}</CellLabel>
                  {row.inspection_class === null ? p.none : (p.classes[row.inspection_class] ?? p.none)}
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{p.columns.state}</CellLabel>
                  {p.dueState[row.due]}
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{p.columns.last}</CellLabel>
                  {p.lastInspected(row.last_fiscal_year === null ? null : t.assessments.fiscalYear(row.last_fiscal_year))}
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{p.columns.visit}</CellLabel>
                  {row.visit_id === null || row.visit_status === null ? (
                    p.notPlanned
                  ) : (
                    <Link href={planPaths.visit(row.visit_id)} class={linkClass}>
                      <StatusBadge status={row.visit_status} />
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {due.state === 'ready' && due.data.rows.some((row) => row.visit_id === null) && (
        <div class="mt-6 flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4 md:flex-row md:items-end">
          <div>
            <label for="plan-date" class={labelClass}>{p.plannedOn}</label>
            <p id="plan-date-help" class="text-std-16N-170 text-solid-gray-700">{p.plannedOnHelp}</p>
            <input id="plan-date" type="date" class={inputClass} value={plannedOn} aria-describedby="plan-date-help" onInput={(event) => setPlannedOn((event.currentTarget as HTMLInputElement).value)} />
          </div>
          <div>
            <label for="plan-inspector" class={labelClass}>{p.inspector}</label>
            <select id="plan-inspector" class={selectClass} value={inspector} onChange={(event) => setInspector((event.currentTarget as HTMLSelectElement).value)}>
              <option value="">{p.noInspector}</option>
              {people.state === 'ready' &&
                people.data.inspectors.map((person) => (
                  <option key={person.id} value={String(person.id)} lang={langOf(person.name)}>
                    {person.name}
                  </option>
                ))}
            </select>
          </div>
          <button type="button" class={primaryButtonClass} disabled={busy} onClick={() => void plan()} data-testid="plan-add">
            {busy ? p.planning : p.planSelected}
          </button>
        </div>
      )}
      {message !== null &&
        (message.ok ? (
          <SuccessNotice testId="plan-added">{message.text}</SuccessNotice>
        ) : (
          <p role="alert" class="mt-4 text-std-16B-170 text-error-1" data-testid="plan-problem">{message.text}</p>
        ))}
    </section>
  );
}

function VisitList({ rows }: { rows: Visit[] }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const f = p.fields;
  return (
    <table class={`${cardTableClass} mt-4`} data-testid="plan-visits-table">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{f.plannedOn}</th>
          <th scope="col" class="px-2 py-2">{p.columns.name}</th>
          <th scope="col" class="px-2 py-2">{f.status}</th>
          <th scope="col" class="px-2 py-2">{f.checklistDueOn}</th>
          <th scope="col" class="px-2 py-2">{f.inspectors}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {rows.map((v) => (
          <tr key={v.id} class={cardRowClass} data-testid={`plan-visit-${v.id}`}>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{f.plannedOn}</CellLabel>
              {v.planned_on === null ? p.noDate : p.date(v.planned_on)}
            </td>
            <td class={`${cardCellClass} font-bold`}>
              <CellLabel>{p.columns.name}</CellLabel>
              <span lang={langOf(v.institution_name)}>
                <Link href={planPaths.visit(v.id)} class={linkClass}>
                  {v.institution_name}
                </Link>
              </span>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{f.status}</CellLabel>
              <StatusBadge status={v.status} />
            </td>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{f.checklistDueOn}</CellLabel>
              {formatDate(t, v.checklist_due_on)}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{f.inspectors}</CellLabel>
              {v.inspectors.length === 0 ? p.none : <span lang={langOf(v.inspectors.map((i) => i.name).join('、'))}>{v.inspectors.map((i) => i.name).join('、')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function VisitsSection({ params, version }: { params: PlanParams; version: number }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const filter = { status: params.status, month: params.month };
  const [visits] = useResource(`visits:${params.fiscalYear}:${params.healthCentre}:${params.status}:${params.view === 'calendar' ? 0 : params.month}:${version}`, (signal) =>
    planApi.visits(params, params.view === 'calendar' ? { status: params.status, month: 0 } : filter, signal),
  );
  const go = (next: Partial<PlanParams>) => navigate(hrefOf(planPaths.plan, { ...params, ...next }));
  const months = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];
  return (
    <section aria-labelledby="plan-visits" class="mt-12" data-testid="plan-visits">
      <h2 id="plan-visits" class={h2Class}>{p.visitsHeading}</h2>
      <div class="mt-4 flex flex-col gap-4 md:flex-row md:flex-wrap md:items-end">
        <div role="group" aria-label={`${p.viewList} / ${p.viewCalendar}`} class="flex gap-2">
          {(['list', 'calendar'] as const).map((view) => (
            <button key={view} type="button" class={params.view === view ? primaryButtonClass : buttonClass} aria-pressed={params.view === view} onClick={() => go({ view })} data-testid={`plan-view-${view}`}>
              {view === 'list' ? p.viewList : p.viewCalendar}
            </button>
          ))}
        </div>
        <div>
          <label for="plan-status" class={labelClass}>{p.status}</label>
          <select id="plan-status" class={selectClass} value={params.status} onChange={(event) => go({ status: (event.currentTarget as HTMLSelectElement).value })}>
            <option value="">{p.allStatuses}</option>
            {visitStatuses.map((s) => (
              <option key={s} value={s}>
                {p.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="plan-month" class={labelClass}>{p.month}</label>
          <select id="plan-month" class={selectClass} value={String(params.month)} onChange={(event) => go({ month: Number((event.currentTarget as HTMLSelectElement).value) })}>
            {params.view === 'list' && <option value="0">{p.allMonths}</option>}
            {months.map((m) => (
              <option key={m} value={String(m)}>
                {p.monthName(m)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {visits.state === 'loading' && <LoadingLine />}
      {visits.state === 'error' && <PlanLoadProblem error={visits.error} />}
      {visits.state === 'ready' && params.view === 'list' && (
        <>
          <p role="status" class="mt-4 text-std-16B-170" data-testid="plan-visits-total">{p.total(visits.data.total)}</p>
          {visits.data.rows.length === 0 ? <p class="mt-2 text-std-16N-170">{p.visitsNone}</p> : <VisitList rows={visits.data.rows} />}
        </>
      )}
      {visits.state === 'ready' && params.view === 'calendar' && <PlanCalendar params={params} visits={visits.data.rows} onMonth={(month) => go({ month })} />}
    </section>
  );
}

function PlanBody({ session, params }: { session: ActiveSession; params: PlanParams }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const [version, setVersion] = useState(0);
  return (
    <PlanFrame session={session} title={p.planTitle} base={planPaths.plan} params={params} scoped>
      <p class="mt-4 max-w-3xl text-std-16N-175">{p.planLead(session.user.organisation_name)}</p>
      <DueSection params={params} onPlanned={() => setVersion((v) => v + 1)} />
      <VisitsSection params={params} version={version} />
      <section aria-labelledby="plan-files" class="mt-12">
        <h2 id="plan-files" class={h2Class}>{t.inspectionPlanFiles.importHeading}</h2>
        <p class="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          <a href={planApi.csvPath(params)} class={linkClass} download data-testid="plan-export">
            {p.links.exportCsv}
          </a>
          <a href={planApi.xlsxPath(params)} class={linkClass} download data-testid="plan-export-xlsx">
            {p.links.exportXlsx}
          </a>
        </p>
        <PlanImport fiscalYear={params.fiscalYear} onApplied={() => setVersion((v) => v + 1)} />
      </section>
    </PlanFrame>
  );
}

export function PlanPage({ session, params }: { session: ActiveSession; params: PlanParams }) {
  return <PlanBody session={session} params={params} />;
}
