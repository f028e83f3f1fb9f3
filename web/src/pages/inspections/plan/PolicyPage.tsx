// /inspections/policy: how often the prefecture's institutions are inspected, per class, with where each rule
// comes from and how sure it is; the prefecture's administrators change it.
import { useState } from 'preact/hooks';
import { useResource } from '../../../api/useResource';
import type { ActiveSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, InfoNotice, LoadingLine, SuccessNotice } from '../../account/ui';
import { h2Class, primaryButtonClass } from '../../catalog/ui';
import { inputClass, labelClass, PlanFrame, PlanLoadProblem, planProblem, type PlanParams, selectClass } from './PlanFrame';
import { planApi, type Policy, type PolicyChange } from './planApi';
import { planPaths } from './routes';

function isUrl(text: string): boolean {
  return /^https?:\/\//.test(text);
}

function PolicyTable({ policy }: { policy: Policy }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const c = p.policyColumns;
  return (
    <table class={`${cardTableClass} mt-6`} data-testid="policy-table">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{c.class}</th>
          <th scope="col" class="px-2 py-2">{c.every}</th>
          <th scope="col" class="px-2 py-2">{c.source}</th>
          <th scope="col" class="px-2 py-2">{c.confidence}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {policy.rules.map((rule) => (
          <tr key={rule.inspection_class} class={cardRowClass} data-testid={`policy-${rule.inspection_class}`}>
            <td class={`${cardCellClass} font-bold`}>
              <CellLabel>{c.class}</CellLabel>
              {p.classes[rule.inspection_class] ?? rule.inspection_class}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.every}</CellLabel>
              {rule.every_years === null ? p.onCause : p.everyYears(rule.every_years)}
            </td>
            <td class={`${cardCellClass} break-all`}>
              <CellLabel>{c.source}</CellLabel>
              <span>
                {rule.prefecture_rule ? p.prefectureRule : p.nationalDefault}
                {rule.source !== '' && rule.source !== '都道府県の定め' && (
                  <span class="block text-dns-14N-130 text-solid-gray-700">
                    {isUrl(rule.source) ? (
                      <a href={rule.source} class="text-blue-1000 underline" rel="noreferrer">
                        {rule.source}
                      </a>
                    ) : (
                      rule.source
                    )}
                  </span>
                )}
              </span>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.confidence}</CellLabel>
              {p.confidence[rule.confidence] ?? ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PolicyEditor({ policy, onSaved }: { policy: Policy; onSaved: (next: Policy) => void }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const initial = Object.fromEntries(policy.rules.map((r) => [r.inspection_class, r.prefecture_rule ? (r.every_years === null ? 'cause' : String(r.every_years)) : 'default']));
  const [choice, setChoice] = useState<Record<string, string>>(initial);
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setProblem(null);
    const rules: PolicyChange[] = policy.rules
      .filter((r) => choice[r.inspection_class] !== initial[r.inspection_class])
      .map((r) => {
        const value = choice[r.inspection_class] ?? 'default';
        if (value === 'default') return { inspection_class: r.inspection_class, use_default: true };
        return { inspection_class: r.inspection_class, every_years: value === 'cause' ? null : Number(value), source: source.trim() };
      });
    try {
      onSaved(await planApi.setPolicy(rules));
    } catch (error) {
      setProblem(planProblem(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="policy-edit" class="mt-10 max-w-3xl rounded-8 border border-solid-gray-420 p-4 md:p-6" data-testid="policy-editor">
      <h2 id="policy-edit" class={h2Class}>{p.policyEditHeading}</h2>
      {policy.rules.map((rule) => {
        const name = p.classes[rule.inspection_class] ?? rule.inspection_class;
        return (
          <div key={rule.inspection_class} class="mt-4">
            <label for={`policy-${rule.inspection_class}-years`} class={labelClass}>{p.yearsLabel(name)}</label>
            <select
              id={`policy-${rule.inspection_class}-years`}
              class={selectClass}
              value={choice[rule.inspection_class] ?? 'default'}
              onChange={(event) => setChoice({ ...choice, [rule.inspection_class]: (event.currentTarget as HTMLSelectElement).value })}
            >
              <option value="default">{p.useDefaultOption}</option>
              <option value="cause">{p.onCauseOption}</option>
              {Array.from({ length: 10 }, (_, i) => i + 1).map((years) => (
                <option key={years} value={String(years)}>
                  {p.yearsOption(years)}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      <label for="policy-source" class={`${labelClass} mt-6`}>{p.sourceLabel}</label>
      <input id="policy-source" type="text" maxLength={500} class={`${inputClass} md:w-full`} value={source} onInput={(event) => setSource((event.currentTarget as HTMLInputElement).value)} />
      {problem !== null && <p role="alert" class="mt-4 text-std-16B-170 text-error-1">{problem}</p>}
      <button type="button" class={`${primaryButtonClass} mt-6`} disabled={busy} onClick={() => void save()} data-testid="policy-save">
        {busy ? p.saving : p.save}
      </button>
    </section>
  );
}

export function PolicyPage({ session, params }: { session: ActiveSession; params: PlanParams }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const [loaded] = useResource('inspection-policy', (signal) => planApi.policy(signal));
  const [saved, setSaved] = useState<Policy | null>(null);
  const policy = saved ?? (loaded.state === 'ready' ? loaded.data : null);
  return (
    <PlanFrame session={session} title={p.policyTitle} base={planPaths.policy} params={params} scoped={false}>
      {loaded.state === 'loading' && <LoadingLine />}
      {loaded.state === 'error' && <PlanLoadProblem error={loaded.error} />}
      {policy !== null && (
        <>
          <p class="mt-4 max-w-3xl text-std-16N-175">{p.policyLead(policy.prefecture_name)}</p>
          {saved !== null && <SuccessNotice testId="policy-saved">{p.policySaved}</SuccessNotice>}
          <PolicyTable policy={policy} />
          {policy.permissions.edit ? <PolicyEditor key={JSON.stringify(policy.rules)} policy={policy} onSaved={setSaved} /> : <InfoNotice testId="policy-read-only">{p.policyReadOnly}</InfoNotice>}
        </>
      )}
    </PlanFrame>
  );
}
