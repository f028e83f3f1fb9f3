// /preparedness/drills: 訓練, newest first: when, which scenario (the BCP ひな形's scenarios as data), who took
// part, what went wrong and what follows. A drill's date may not be in the future: the server's field error
// is shown in the reader's language by the field. Viewers read it.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { buttonClass, InfoNotice, primaryButtonClass, SelectField, SuccessNotice, WarningNotice } from '../account/ui';
import { createRecord, pick, preparednessApi, removeRecord, updateRecord, type Drill, type DrillFields, type Reference, type Summary } from './api';
import { useWarningText } from './Overview';
import { FirstPassSteps } from './FirstPassSteps';
import { loadingOrRefused, RecordPageHead } from './PageFrame';
import { cardClass, Facts, formBoxClass, FormButtons, FormProblem, RecordHistory, RemoveButton, submitWith, TextArea, useCodeLabel, useRecordForm, useReloadable, useWhen, WhenField } from './ui';

const drillKeys = ['held_on', 'scenario', 'scenario_note', 'participants', 'problems', 'follow_ups'] as const;

function DrillForm({ reference, existing, onDone, onCancel }: { reference: Reference; existing?: Drill; onDone: (message: string) => void; onCancel: () => void }) {
  const { t, language } = useI18n();
  const d = t.preparedness.drills;
  const f = d.fields;
  const form = useRecordForm<DrillFields>(
    existing === undefined ? { held_on: null, scenario: '', scenario_note: '', participants: '', problems: '', follow_ups: '' } : (pick(existing, drillKeys) as DrillFields),
  );
  const { fields, set, errors } = form;
  const labels: Record<string, string> = { ...f };
  const submit = (event: Event) => {
    event.preventDefault();
    submitWith(
      t,
      form,
      labels,
      () => (existing === undefined ? createRecord('drills', fields) : updateRecord('drills', existing.id, existing.version, fields)),
      () => onDone(existing === undefined ? d.added : d.saved),
    );
  };
  return (
    <form onSubmit={submit} noValidate class={formBoxClass} data-testid="drill-form" aria-labelledby="drill-form-heading">
      <h2 id="drill-form-heading" class="text-std-18B-160 text-solid-gray-900">
        {existing === undefined ? d.addHeading : d.editHeading}
      </h2>
      <FormProblem problem={form.problem} errors={errors} labels={labels} />
      <WhenField id="held_on" label={f.held_on} value={fields.held_on} onInput={(value) => set('held_on', value)} help={d.help.held_on} error={errors['held_on']} required />
      <SelectField
        id="scenario"
        label={f.scenario}
        value={fields.scenario}
        onChange={(value) => set('scenario', value)}
        options={reference.scenarios.map((code) => ({ value: code.code, label: language === 'ja' ? code.label_ja : code.label_en }))}
        placeholder={d.choose}
        help={d.help.scenario}
        error={errors['scenario']}
        required
      />
      {fields.scenario === 'other' && (
        <TextArea id="scenario_note" label={f.scenario_note} value={fields.scenario_note} onInput={(value) => set('scenario_note', value)} maxLength={1000} rows={2} error={errors['scenario_note']} required />
      )}
      <TextArea id="participants" label={f.participants} value={fields.participants} onInput={(value) => set('participants', value)} maxLength={1000} rows={2} help={d.help.participants} error={errors['participants']} />
      <TextArea id="problems" label={f.problems} value={fields.problems} onInput={(value) => set('problems', value)} maxLength={4000} rows={4} help={d.help.problems} error={errors['problems']} />
      <TextArea id="follow_ups" label={f.follow_ups} value={fields.follow_ups} onInput={(value) => set('follow_ups', value)} maxLength={4000} rows={4} help={d.help.follow_ups} error={errors['follow_ups']} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

type Editing = { mode: 'add' } | { mode: 'edit'; id: number } | null;

export function Drills() {
  const { t } = useI18n();
  const p = t.preparedness;
  const d = p.drills;
  const [data, again] = useReloadable('preparedness-drills', (signal) =>
    Promise.all([preparednessApi.drills(signal), preparednessApi.reference(signal), preparednessApi.summary(signal).then((s) => s, () => null as Summary | null)]),
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const label = useCodeLabel();
  const when = useWhen();
  const warningText = useWarningText(null);
  const reload = (message: string) => {
    setNotice(message);
    setProblem(null);
    setEditing(null);
    again();
  };
  const refused = loadingOrRefused(t, data);
  if (refused !== null || data.state !== 'ready') return refused;
  const [drills, reference, summary] = data.data;
  const f = d.fields;
  const sorted = [...drills.records].sort((x, y) => ((y.held_on ?? '') < (x.held_on ?? '') ? -1 : 1));
  const noDrill = (summary?.warnings ?? []).find((w) => w.code === 'no_recent_drill');
  return (
    <div data-testid="drills-page">
      <RecordPageHead title={d.title} lead={d.lead} />
      {notice !== null && <SuccessNotice testId="saved">{notice}</SuccessNotice>}
      {problem !== null && <WarningNotice testId="problem">{problem}</WarningNotice>}
      {noDrill !== undefined && (
        <WarningNotice testId="drill-warning">
          <span aria-hidden="true" class="mr-2">
            ⚠
          </span>
          {warningText(noDrill, '')}
        </WarningNotice>
      )}
      {!drills.can_write && <InfoNotice testId="read-only">{p.readOnly}</InfoNotice>}
      {drills.can_write &&
        (editing !== null && editing.mode === 'add' ? (
          <DrillForm reference={reference} onDone={reload} onCancel={() => setEditing(null)} />
        ) : (
          <p class="mt-6">
            <button type="button" class={primaryButtonClass} onClick={() => setEditing({ mode: 'add' })} data-testid="add-drill">
              {d.add}
            </button>
          </p>
        ))}
      {sorted.length === 0 && <InfoNotice testId="drills-empty">{d.empty}</InfoNotice>}
      <ul class="max-w-3xl">
        {sorted.map((drill) =>
          editing !== null && editing.mode === 'edit' && editing.id === drill.id ? (
            <li key={drill.id}>
              <DrillForm reference={reference} existing={drill} onDone={reload} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={drill.id} class={cardClass} data-testid="drill">
              <h2 class="text-std-20B-150 text-solid-gray-900">{d.heldOn(when(drill.held_on))}</h2>
              <Facts
                rows={[
                  [f.scenario, drill.scenario === 'other' ? drill.scenario_note : label(reference.scenarios, drill.scenario)],
                  [f.scenario_note, drill.scenario === 'other' ? '' : drill.scenario_note],
                  [f.participants, drill.participants],
                  [f.problems, drill.problems],
                  [f.follow_ups, drill.follow_ups],
                ]}
              />
              {drills.can_write && (
                <div class="mt-3 flex flex-wrap items-start gap-3">
                  <button type="button" class={buttonClass} onClick={() => setEditing({ mode: 'edit', id: drill.id })} data-testid="edit-drill">
                    {d.edit}
                  </button>
                  <RemoveButton
                    testId="remove-drill"
                    label={d.remove}
                    question={d.removeQuestion(when(drill.held_on))}
                    onRemove={() =>
                      removeRecord('drills', drill.id, drill.version).then(
                        () => reload(d.removed),
                        () => setProblem(p.problems.failed),
                      )
                    }
                  />
                </div>
              )}
              <RecordHistory history={drill.history} />
            </li>
          ),
        )}
      </ul>
      <FirstPassSteps step={3} />
    </div>
  );
}
