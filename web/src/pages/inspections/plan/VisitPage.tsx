// /inspections/plan/visits/{id}: one planned inspection — its dates and inspectors (changed on its version),
// the notice to the institution, postponing with a reason, putting it back into the plan, and its history.
import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useResource } from '../../../api/useResource';
import { formatJst } from '../../../auth/format';
import type { ActiveSession } from '../../../auth/session';
import { langOf, useI18n } from '../../../i18n';
import { Link } from '../../../router';
import { LoadingLine, SuccessNotice } from '../../account/ui';
import { h2Class, linkClass, primaryButtonClass } from '../../catalog/ui';
import { formatDate, hrefOf, inputClass, labelClass, PlanFrame, PlanLoadProblem, planProblem, type PlanParams, selectClass } from './PlanFrame';
import { StatusBadge } from './PlanPage';
import { planApi, type VisitDetail } from './planApi';
import { inspectionRecordPath } from '../record/routes';
import { planPaths } from './routes';

const boxClass = 'mt-8 max-w-3xl rounded-8 border border-solid-gray-420 p-4 md:p-6';

function Actions({ visit, onChanged }: { visit: VisitDetail; onChanged: (next: VisitDetail, message: string) => void }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const [people] = useResource('plan-inspectors', (signal) => planApi.inspectors(signal));
  const [plannedOn, setPlannedOn] = useState(visit.planned_on ?? '');
  const [inspector, setInspector] = useState(visit.inspectors[0] === undefined ? '' : String(visit.inspectors[0].id));
  const [dueOn, setDueOn] = useState(visit.checklist_due_on ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const act = async (work: () => Promise<VisitDetail>, message: string) => {
    setBusy(true);
    setProblem(null);
    try {
      onChanged(await work(), message);
    } catch (error) {
      setProblem(planProblem(t, error));
    } finally {
      setBusy(false);
    }
  };
  if (visit.status === 'done') return <p class="mt-8 text-std-16N-170">{p.doneNote}</p>;
  return (
    <>
      {problem !== null && (
        <p role="alert" class="mt-6 text-std-16B-170 text-error-1" data-testid="visit-problem">
          {problem}
        </p>
      )}
      <section aria-labelledby="visit-edit" class={boxClass}>
        <h2 id="visit-edit" class={h2Class}>{p.editHeading}</h2>
        <div class="mt-4 flex flex-col gap-4 md:flex-row md:items-end">
          <div>
            <label for="visit-date" class={labelClass}>{p.plannedOn}</label>
            <input id="visit-date" type="date" class={inputClass} value={plannedOn} onInput={(event) => setPlannedOn((event.currentTarget as HTMLInputElement).value)} />
          </div>
          <div>
            <label for="visit-inspector" class={labelClass}>{p.inspector}</label>
            <select id="visit-inspector" class={selectClass} value={inspector} onChange={(event) => setInspector((event.currentTarget as HTMLSelectElement).value)}>
              <option value="">{p.noInspector}</option>
              {people.state === 'ready' &&
                people.data.inspectors.map((person) => (
                  <option key={person.id} value={String(person.id)} lang={langOf(person.name)}>
                    {person.name}
                  </option>
                ))}
            </select>
          </div>
          <button
            type="button"
            class={primaryButtonClass}
            disabled={busy}
            data-testid="visit-save"
            onClick={() =>
              void act(() => planApi.change(visit.id, { version: visit.version, planned_on: plannedOn === '' ? null : plannedOn, inspectors: inspector === '' ? [] : [Number(inspector)] }), p.saved)
            }
          >
            {busy ? p.saving : p.save}
          </button>
        </div>
      </section>
      {visit.status === 'planned' && (
        <section aria-labelledby="visit-notify" class={boxClass} data-testid="visit-notify">
          <h2 id="visit-notify" class={h2Class}>{p.notifyHeading}</h2>
          <p class="mt-2 text-std-16N-170">{p.notifyLead}</p>
          <div class="mt-4 flex flex-col gap-4 md:flex-row md:items-end">
            <div>
              <label for="notify-date" class={labelClass}>{p.plannedOn}</label>
              <input id="notify-date" type="date" class={inputClass} value={plannedOn} onInput={(event) => setPlannedOn((event.currentTarget as HTMLInputElement).value)} />
            </div>
            <div>
              <label for="notify-due" class={labelClass}>{p.fields.checklistDueOn}</label>
              <input id="notify-due" type="date" class={inputClass} value={dueOn} onInput={(event) => setDueOn((event.currentTarget as HTMLInputElement).value)} />
            </div>
            <button
              type="button"
              class={primaryButtonClass}
              disabled={busy}
              data-testid="visit-notify-button"
              onClick={() =>
                void act(
                  () =>
                    planApi.step(visit.id, {
                      version: visit.version,
                      action: 'notify',
                      ...(plannedOn === '' ? {} : { planned_on: plannedOn }),
                      ...(dueOn === '' ? {} : { checklist_due_on: dueOn }),
                    }),
                  p.notified,
                )
              }
            >
              {p.notify}
            </button>
          </div>
        </section>
      )}
      {(visit.status === 'planned' || visit.status === 'notified') && (
        <section aria-labelledby="visit-postpone" class={boxClass}>
          <h2 id="visit-postpone" class={h2Class}>{p.postponeHeading}</h2>
          <label for="postpone-reason" class={`${labelClass} mt-4`}>{p.postponeReason}</label>
          <textarea id="postpone-reason" rows={3} maxLength={500} class={`${inputClass} md:w-full`} value={reason} onInput={(event) => setReason((event.currentTarget as HTMLTextAreaElement).value)} />
          <button type="button" class={`${primaryButtonClass} mt-4`} disabled={busy} data-testid="visit-postpone-button" onClick={() => void act(() => planApi.step(visit.id, { version: visit.version, action: 'postpone', reason }), p.postponed)}>
            {p.postpone}
          </button>
        </section>
      )}
      {visit.status === 'postponed' && (
        <section aria-labelledby="visit-reschedule" class={boxClass}>
          <h2 id="visit-reschedule" class={h2Class}>{p.rescheduleHeading}</h2>
          <p class="mt-2 text-std-16N-170">{p.rescheduleLead}</p>
          <button
            type="button"
            class={`${primaryButtonClass} mt-4`}
            disabled={busy}
            data-testid="visit-reschedule-button"
            onClick={() => void act(() => planApi.step(visit.id, { version: visit.version, action: 'reschedule', ...(plannedOn === '' ? {} : { planned_on: plannedOn }) }), p.rescheduled)}
          >
            {p.reschedule}
          </button>
        </section>
      )}
    </>
  );
}

function Detail({ visit, params, onChanged, message }: { visit: VisitDetail; params: PlanParams; onChanged: (next: VisitDetail, message: string) => void; message: string | null }) {
  const { t, language } = useI18n();
  const p = t.inspectionPlan;
  const f = p.fields;
  const rows: [string, ComponentChildren][] = [
    [f.status, <StatusBadge key="s" status={visit.status} />],
    [f.plannedOn, visit.planned_on === null ? p.noDate : p.date(visit.planned_on)],
    [f.checklistDueOn, formatDate(t, visit.checklist_due_on)],
    [f.reason, p.reasons[visit.reason] ?? visit.reason],
    [f.inspectingOrganisation, <span key="o" lang={langOf(visit.inspecting_organisation_name)}>{visit.inspecting_organisation_name}</span>],
    [f.inspectors, visit.inspectors.length === 0 ? p.none : <span lang={langOf(visit.inspectors.map((i) => i.name).join('、'))}>{visit.inspectors.map((i) => i.name).join('、')}</span>],
  ];
  if (visit.postponed_reason !== null) rows.push([f.postponedReason, visit.postponed_reason]);
  if (visit.notified_at !== null) rows.push([f.notifiedAt, formatJst(visit.notified_at, language)]);
  return (
    <>
      <p class="mt-4">
        <Link href={hrefOf(planPaths.plan, params)} class={linkClass}>
          {p.back}
        </Link>
      </p>
      {message !== null && <SuccessNotice testId="visit-message">{message}</SuccessNotice>}
      <dl class="mt-6 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 md:grid-cols-[12rem_1fr]" data-testid="visit-details">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt class="text-std-16B-170 text-solid-gray-900">{label}</dt>
            <dd class="text-std-16N-170">{value}</dd>
          </Fragment>
        ))}
      </dl>
      <ul class="mt-6 flex flex-wrap gap-x-6 gap-y-2" aria-label={p.workLinks} data-testid="visit-work-links">
        <li>
          <Link href={`/inspections/visits/${visit.id}/package`} class={linkClass}>{p.packageLink}</Link>
        </li>
        <li>
          <Link href={inspectionRecordPath(visit.id)} class={linkClass}>{p.recordLink}</Link>
        </li>
        <li>
          <Link href={`/inspections/visits/${visit.id}/requests`} class={linkClass}>{p.requestsLink}</Link>
        </li>
      </ul>
      <Actions key={`${visit.id}:${visit.version}`} visit={visit} onChanged={onChanged} />
      <section aria-labelledby="visit-history" class="mt-10 max-w-3xl">
        <h2 id="visit-history" class={h2Class}>{p.historyHeading}</h2>
        <ol class="mt-4 space-y-2" data-testid="visit-history-list">
          {visit.history.map((h, i) => (
            <li key={i} class="text-std-16N-170">
              <span class="tabular-nums text-solid-gray-700">{formatJst(h.at, language)}</span> {p.historyActions[h.action] ?? p.historyActions.changed}
              <span lang={langOf(h.user_name)}>{p.historyBy(h.user_name)}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export function VisitPage({ session, params, id }: { session: ActiveSession; params: PlanParams; id: number }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const [loaded] = useResource(`visit:${id}`, (signal) => planApi.visit(id, signal));
  const [changed, setChanged] = useState<{ visit: VisitDetail; message: string } | null>(null);
  const visit = changed?.visit ?? (loaded.state === 'ready' ? loaded.data : null);
  const title = visit === null ? p.planTitle : p.visitTitle(visit.institution_name);
  return (
    <PlanFrame session={session} title={title} base={planPaths.visit(id)} params={params} scoped={false}>
      {loaded.state === 'loading' && <LoadingLine />}
      {loaded.state === 'error' && <PlanLoadProblem error={loaded.error} />}
      {visit !== null && <Detail visit={visit} params={params} message={changed?.message ?? null} onChanged={(next, message) => setChanged({ visit: next, message })} />}
    </PlanFrame>
  );
}
