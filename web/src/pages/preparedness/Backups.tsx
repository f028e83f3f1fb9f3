// /preparedness/backups: the backup register. Each backup says in words what is copied, how often, where,
// and whether an offline copy exists in one of the three forms (別媒体・世代管理, 複製時のみ接続するNAS, 論理的に
// 分離したクラウド); its restore tests follow it, and its warnings stand beside it. Viewers read it.
import { useEffect, useState } from 'preact/hooks';
import { langOf, useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { buttonClass, cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, Checkbox, h2Class, InfoNotice, primaryButtonClass, SelectField, SuccessNotice, TextField, WarningNotice } from '../account/ui';
import { loadSystems, type RegisteredSystem } from '../systems/systemsApi';
import {
  createRecord,
  documentPaths,
  pick,
  preparednessApi,
  removeRecord,
  updateRecord,
  type Backup,
  type BackupFields,
  type Frequency,
  type OfflineForm,
  type RestoreResult,
  type RestoreTest,
  type RestoreTestFields,
  type Summary,
} from './api';
import { useWarningText } from './Overview';
import { FirstPassSteps } from './FirstPassSteps';
import { DownloadLinks, loadingOrRefused, RecordPageHead } from './PageFrame';
import { cardClass, Choices, Facts, formBoxClass, FormButtons, FormProblem, japanNow, RecordHistory, RemoveButton, submitWith, TextArea, useRecordForm, useReloadable, useWhen, WhenField } from './ui';

const frequencies: readonly Frequency[] = ['daily', 'weekly', 'monthly', 'other'];
const offlineForms: readonly OfflineForm[] = ['separate_media', 'nas_while_copying', 'logical_cloud'];
const results: readonly RestoreResult[] = ['success', 'partial', 'failed'];
const backupKeys = ['system_id', 'system_name', 'what', 'frequency', 'frequency_note', 'generations', 'location', 'offline_copy', 'offline_form', 'responsible', 'note'] as const;

function emptyBackup(): BackupFields {
  return { system_id: null, system_name: '', what: '', frequency: 'daily', frequency_note: '', generations: null, location: '', offline_copy: false, offline_form: null, responsible: '', note: '' };
}

/** Whole numbers typed in a text field: the number, null for nothing, NaN for anything else (the server names it). */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^[0-9]+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function BackupForm({ systems, existing, onDone, onCancel }: { systems: RegisteredSystem[]; existing?: Backup; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const b = t.preparedness.backups;
  const f = b.fields;
  const form = useRecordForm<BackupFields>(existing === undefined ? emptyBackup() : (pick(existing, backupKeys) as BackupFields));
  const [generations, setGenerations] = useState(existing?.generations === null || existing === undefined ? '' : String(existing.generations));
  const { fields, set, errors } = form;
  const labels: Record<string, string> = { ...f };
  const submit = (event: Event) => {
    event.preventDefault();
    const count = wholeNumber(generations);
    if (Number.isNaN(count)) {
      form.setErrors({ generations: t.preparedness.problems.number(f.generations) });
      form.setProblem(t.preparedness.problems.heading);
      return;
    }
    const body: BackupFields = { ...fields, generations: count, offline_form: fields.offline_copy ? fields.offline_form : null };
    submitWith(
      t,
      form,
      labels,
      () => (existing === undefined ? createRecord('backups', body) : updateRecord('backups', existing.id, existing.version, body)),
      () => onDone(existing === undefined ? b.added : b.saved),
    );
  };
  return (
    <form onSubmit={submit} noValidate class={formBoxClass} data-testid="backup-form" aria-labelledby="backup-form-heading">
      {/* A new backup's form stands under the page's h1; an edited one takes the place of its card's h2. */}
      {existing === undefined ? (
        <h2 id="backup-form-heading" class="text-std-18B-160 text-solid-gray-900">
          {b.addHeading}
        </h2>
      ) : (
        <h3 id="backup-form-heading" class="text-std-18B-160 text-solid-gray-900">
          {b.editHeading}
        </h3>
      )}
      <FormProblem problem={form.problem} errors={errors} labels={labels} />
      <SelectField
        id="system_id"
        label={f.system_id}
        value={fields.system_id === null ? '' : String(fields.system_id)}
        onChange={(value) => {
          const system = systems.find((s) => String(s.id) === value);
          form.setFields((current) => ({ ...current, system_id: system === undefined ? null : system.id, system_name: system === undefined ? current.system_name : system.name }));
        }}
        options={systems.map((s) => ({ value: String(s.id), label: s.name, lang: langOf(s.name) }))}
        placeholder={b.notInRegister}
        help={b.help.system}
        error={errors['system_id']}
      />
      {fields.system_id === null && <TextField id="system_name" label={f.system_name} value={fields.system_name} onInput={(value) => set('system_name', value)} maxLength={100} error={errors['system_name']} required />}
      <TextArea id="what" label={f.what} value={fields.what} onInput={(value) => set('what', value)} maxLength={1000} rows={2} help={b.help.what} error={errors['what']} required />
      <Choices name="frequency" legend={f.frequency} value={fields.frequency} options={frequencies.map((value) => ({ value, label: b.frequencies[value] }))} onChange={(value) => set('frequency', value)} error={errors['frequency']} />
      {fields.frequency === 'other' && <TextField id="frequency_note" label={f.frequency_note} value={fields.frequency_note} onInput={(value) => set('frequency_note', value)} maxLength={100} error={errors['frequency_note']} required />}
      <TextField id="generations" label={f.generations} value={generations} onInput={setGenerations} maxLength={4} inputMode="numeric" help={b.help.generations} error={errors['generations']} />
      <TextArea id="location" label={f.location} value={fields.location} onInput={(value) => set('location', value)} maxLength={1000} rows={2} help={b.help.location} error={errors['location']} />
      <fieldset class="mt-6">
        <legend class="text-std-16B-170 text-solid-gray-900">{b.offlineHeading}</legend>
        <p class="mt-1 text-std-16N-170 text-solid-gray-700">{b.help.offline}</p>
        <div class="mt-2">
          <Checkbox id="offline_copy" checked={fields.offline_copy} onChange={(value) => form.setFields((current) => ({ ...current, offline_copy: value, offline_form: value ? current.offline_form : null }))} label={f.offline_copy} />
        </div>
        {fields.offline_copy && (
          <Choices
            name="offline_form"
            legend={f.offline_form}
            value={fields.offline_form}
            options={offlineForms.map((value) => ({ value, label: b.offlineForms[value], help: b.offlineFormHelp[value] }))}
            onChange={(value) => set('offline_form', value)}
            error={errors['offline_form']}
          />
        )}
      </fieldset>
      <TextField id="responsible" label={f.responsible} value={fields.responsible} onInput={(value) => set('responsible', value)} maxLength={100} error={errors['responsible']} />
      <TextArea id="note" label={f.note} value={fields.note} onInput={(value) => set('note', value)} maxLength={1000} rows={2} error={errors['note']} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

const restoreTestKeys = ['backup_id', 'tested_on', 'restored', 'minutes', 'result', 'note'] as const;

function RestoreTestForm({ backup, existing, onDone, onCancel }: { backup: Backup; existing?: RestoreTest; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const r = t.preparedness.restoreTests;
  const f = r.fields;
  const form = useRecordForm<RestoreTestFields>(
    existing === undefined
      ? { backup_id: backup.id, tested_on: japanNow().day, restored: '', minutes: null, result: 'success', note: '' }
      : (pick(existing, restoreTestKeys) as RestoreTestFields),
  );
  const [minutes, setMinutes] = useState(existing?.minutes === null || existing === undefined ? '' : String(existing.minutes));
  const labels: Record<string, string> = { ...f };
  const submit = (event: Event) => {
    event.preventDefault();
    const count = wholeNumber(minutes);
    if (Number.isNaN(count)) {
      form.setErrors({ minutes: t.preparedness.problems.number(f.minutes) });
      form.setProblem(t.preparedness.problems.heading);
      return;
    }
    const body = { ...form.fields, minutes: count };
    submitWith(
      t,
      form,
      labels,
      () => (existing === undefined ? createRecord('restore-tests', body) : updateRecord('restore-tests', existing.id, existing.version, body)),
      () => onDone(existing === undefined ? r.added : r.saved),
    );
  };
  return (
    <form onSubmit={submit} noValidate class={formBoxClass} data-testid="restore-test-form" aria-labelledby={`restore-form-${backup.id}`}>
      <h4 id={`restore-form-${backup.id}`} class="text-std-18B-160 text-solid-gray-900">
        {existing === undefined ? r.addHeading : r.editHeading}
      </h4>
      <p class="mt-1 text-std-16N-170">{r.lead}</p>
      <FormProblem problem={form.problem} errors={form.errors} labels={labels} ids={{ note: 'restore-note' }} />
      <WhenField id="tested_on" label={f.tested_on} value={form.fields.tested_on} onInput={(value) => form.set('tested_on', value)} error={form.errors['tested_on']} required />
      <TextArea id="restored" label={f.restored} value={form.fields.restored} onInput={(value) => form.set('restored', value)} maxLength={1000} rows={2} help={r.help.restored} error={form.errors['restored']} required />
      <TextField id="minutes" label={f.minutes} value={minutes} onInput={setMinutes} maxLength={6} inputMode="numeric" error={form.errors['minutes']} />
      <Choices name="result" legend={f.result} value={form.fields.result} options={results.map((value) => ({ value, label: r.results[value] }))} onChange={(value) => form.set('result', value)} error={form.errors['result']} />
      <TextArea id="restore-note" label={f.note} value={form.fields.note} onInput={(value) => form.set('note', value)} maxLength={1000} rows={2} error={form.errors['note']} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

function RestoreTests({ tests, onEdit, onRemove }: { tests: RestoreTest[]; onEdit: ((test: RestoreTest) => void) | null; onRemove: (test: RestoreTest) => Promise<void> }) {
  const { t } = useI18n();
  const r = t.preparedness.restoreTests;
  const when = useWhen();
  if (tests.length === 0) return <p class="mt-2 text-std-16N-170" data-testid="no-restore-tests">{r.none}</p>;
  return (
    <table class={`${cardTableClass} mt-2`} data-testid="restore-tests">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="whitespace-nowrap px-2 py-2">{r.fields.tested_on}</th>
          <th scope="col" class="px-2 py-2">{r.fields.restored}</th>
          <th scope="col" class="whitespace-nowrap px-2 py-2">{r.fields.minutes}</th>
          <th scope="col" class="whitespace-nowrap px-2 py-2">{r.fields.result}</th>
          {onEdit !== null && <th scope="col" class="whitespace-nowrap px-2 py-2">{r.actions}</th>}
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {tests.map((test) => (
          <tr key={test.id} class={cardRowClass} data-testid="restore-test">
            <td class={`${cardCellClass} whitespace-nowrap tabular-nums`}>
              <CellLabel>{r.fields.tested_on}</CellLabel>
              {when(test.tested_on)}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{r.fields.restored}</CellLabel>
              <span lang={langOf(test.restored)}>{test.restored}</span>
            </td>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{r.fields.minutes}</CellLabel>
              {test.minutes === null ? '—' : r.minutes(test.minutes)}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{r.fields.result}</CellLabel>
              <span class={`whitespace-nowrap font-bold ${test.result === 'success' ? 'text-success-2' : 'text-error-1'}`}>{r.results[test.result]}</span>
            </td>
            {onEdit !== null && (
              <td class={cardCellClass}>
                <div class="flex flex-wrap items-start gap-2">
                  <button type="button" class={buttonClass} onClick={() => onEdit(test)} data-testid="edit-restore-test">
                    {r.edit}
                    <span class="sr-only">{`（${when(test.tested_on)}）`}</span>
                  </button>
                  <RemoveButton testId="remove-restore-test" label={r.remove} question={r.removeQuestion(when(test.tested_on))} onRemove={() => onRemove(test)} />
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Editing = { mode: 'add' } | { mode: 'edit'; id: number } | { mode: 'test'; id: number } | { mode: 'edit-test'; test: RestoreTest } | null;

function frequencyText(b: Messages['preparedness']['backups'], backup: Backup): string {
  return backup.frequency === 'other' && backup.frequency_note !== '' ? backup.frequency_note : b.frequencies[backup.frequency];
}

export function Backups() {
  const { t } = useI18n();
  const p = t.preparedness;
  const b = p.backups;
  const [data, again] = useReloadable('preparedness-backups', (signal) =>
    Promise.all([
      preparednessApi.backups(signal),
      preparednessApi.restoreTests(signal),
      preparednessApi.summary(signal).then((s) => s, () => null as Summary | null),
      loadSystems(signal).then((l) => l.systems, () => [] as RegisteredSystem[]),
    ]),
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const warningText = useWarningText(null);
  const ready = data.state === 'ready';
  // A warning on the overview links to /preparedness/backups#backup-{id}: bring that backup into view.
  useEffect(() => {
    if (!ready || window.location.hash === '') return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [ready]);
  const reload = (message: string) => {
    setNotice(message);
    setProblem(null);
    setEditing(null);
    again();
  };
  const refused = loadingOrRefused(t, data);
  if (refused !== null || data.state !== 'ready') return refused;
  const [backups, tests, summary, systems] = data.data;
  const f = b.fields;
  const canWrite = backups.can_write;

  return (
    <div data-testid="backups-page">
      <RecordPageHead title={b.title} lead={b.lead}>
        <DownloadLinks testId="backup-documents" links={[{ href: documentPaths.backupsPdf, label: b.printPdf, testId: 'backups-pdf' }]} />
      </RecordPageHead>
      {notice !== null && <SuccessNotice testId="saved">{notice}</SuccessNotice>}
      {problem !== null && <WarningNotice testId="problem">{problem}</WarningNotice>}
      {!canWrite && <InfoNotice testId="read-only">{p.readOnly}</InfoNotice>}
      {canWrite &&
        (editing !== null && editing.mode === 'add' ? (
          <BackupForm systems={systems} onDone={reload} onCancel={() => setEditing(null)} />
        ) : (
          <p class="mt-6">
            <button type="button" class={primaryButtonClass} onClick={() => setEditing({ mode: 'add' })} data-testid="add-backup">
              {b.add}
            </button>
          </p>
        ))}
      {backups.records.length === 0 && <InfoNotice testId="backups-empty">{b.empty}</InfoNotice>}
      <ul class="max-w-3xl">
        {backups.records.map((backup) => {
          if (editing !== null && editing.mode === 'edit' && editing.id === backup.id)
            return (
              <li key={backup.id}>
                <BackupForm systems={systems} existing={backup} onDone={reload} onCancel={() => setEditing(null)} />
              </li>
            );
          const warnings = (summary?.warnings ?? []).filter((w) => w.kind === 'backup' && w.record_id === backup.id);
          const own = tests.records.filter((test) => test.backup_id === backup.id).sort((x, y) => ((y.tested_on ?? '') < (x.tested_on ?? '') ? -1 : 1));
          return (
            <li key={backup.id} id={`backup-${backup.id}`} class={cardClass} data-testid="backup" data-backup-id={backup.id}>
              <h2 class={h2Class} lang={langOf(backup.system_name)}>
                {backup.system_name}
              </h2>
              {warnings.length > 0 && (
                <ul class="mt-2 flex flex-col gap-2" data-testid="backup-warnings">
                  {warnings.map((w) => (
                    <li key={w.code} class="rounded-8 border-2 border-warning-yellow-2 bg-yellow-50 p-3 text-std-16N-170" data-testid="warning" data-code={w.code}>
                      <span aria-hidden="true" class="mr-2">
                        ⚠
                      </span>
                      {warningText(w, backup.system_name)}
                    </li>
                  ))}
                </ul>
              )}
              <Facts
                testId="backup-facts"
                rows={[
                  [f.what, backup.what],
                  [f.frequency, frequencyText(b, backup)],
                  [f.generations, backup.generations === null ? '' : b.generationsText(backup.generations)],
                  [f.location, backup.location],
                  [b.offlineHeading, backup.offline_copy && backup.offline_form !== null ? b.offlineYes(b.offlineForms[backup.offline_form]) : <span class="font-bold text-error-1">{b.offlineNo}</span>],
                  [f.responsible, backup.responsible],
                  [f.note, backup.note],
                ]}
              />
              {canWrite && (
                <div class="mt-3 flex flex-wrap items-start gap-3">
                  <button type="button" class={buttonClass} onClick={() => setEditing({ mode: 'edit', id: backup.id })} data-testid="edit-backup">
                    {b.edit}
                  </button>
                  <RemoveButton
                    testId="remove-backup"
                    label={b.remove}
                    question={b.removeQuestion(backup.system_name)}
                    onRemove={() =>
                      removeRecord('backups', backup.id, backup.version).then(
                        () => reload(b.removed),
                        () => setProblem(p.problems.failed),
                      )
                    }
                  />
                </div>
              )}
              <h3 class="mt-6 text-std-18B-160 text-solid-gray-900">{p.restoreTests.heading}</h3>
              <RestoreTests
                tests={own}
                onEdit={canWrite ? (test) => setEditing({ mode: 'edit-test', test }) : null}
                onRemove={(test) =>
                  removeRecord('restore-tests', test.id, test.version).then(
                    () => reload(p.restoreTests.removed),
                    () => setProblem(p.problems.failed),
                  )
                }
              />
              {canWrite &&
                (editing !== null && editing.mode === 'edit-test' && editing.test.backup_id === backup.id ? (
                  <RestoreTestForm backup={backup} existing={editing.test} onDone={reload} onCancel={() => setEditing(null)} />
                ) : editing !== null && editing.mode === 'test' && editing.id === backup.id ? (
                  <RestoreTestForm backup={backup} onDone={reload} onCancel={() => setEditing(null)} />
                ) : (
                  <p class="mt-3">
                    <button type="button" class={buttonClass} onClick={() => setEditing({ mode: 'test', id: backup.id })} data-testid="add-restore-test">
                      {p.restoreTests.add}
                    </button>
                  </p>
                ))}
              <RecordHistory history={backup.history} />
            </li>
          );
        })}
      </ul>
      <FirstPassSteps step={2} />
    </div>
  );
}
