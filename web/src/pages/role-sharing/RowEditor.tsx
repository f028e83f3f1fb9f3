// The form for one row of the 役割分担確認表: 初回確認 (はい・いいえ and its date), 完了日 (only for いいえ) and
// a note. The server's rules are the ones that count; its field errors are shown by the fields.
import { useState } from 'preact/hooks';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { buttonClass, SubmitButton, WarningNotice } from '../account/ui';
import { saveRow, type FirstAnswer, type RowCheck, type Sheet, type SheetRow } from './roleSharingApi';

const textareaClass =
  'mt-2 block w-full rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300';

function DateInput({ id, label, help, value, error, onInput }: { id: string; label: string; help?: string; value: string | null; error: string | undefined; onInput: (value: string | null) => void }) {
  const described = [help === undefined ? null : `${id}-help`, error === undefined ? null : `${id}-error`].filter((x) => x !== null).join(' ');
  return (
    <div class="mt-4">
      <label for={id} class="block text-std-16B-170 text-solid-gray-900">
        {label}
      </label>
      {help !== undefined && (
        <p id={`${id}-help`} class="mt-1 text-std-16N-170 text-solid-gray-700">
          {help}
        </p>
      )}
      <input
        id={id}
        type="date"
        value={value ?? ''}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value || null)}
        class={`mt-2 block min-h-14 rounded-8 border bg-white px-4 py-2 text-std-16N-170 ${error === undefined ? 'border-solid-gray-600' : 'border-2 border-error-1'}`}
        {...(error === undefined ? {} : { 'aria-invalid': true })}
        {...(described === '' ? {} : { 'aria-describedby': described })}
      />
      {error !== undefined && (
        <p id={`${id}-error`} class="mt-2 text-std-16N-170 text-error-1" data-testid="field-error">
          <span aria-hidden="true">＊</span>
          {error}
        </p>
      )}
    </div>
  );
}

export function RowEditor({ systemId, row, onSaved, onCancel }: { systemId: number; row: SheetRow; onSaved: (sheet: Sheet) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const r = t.roleSharing;
  const [check, setCheck] = useState<RowCheck>({ first_answer: row.first_answer, first_checked_on: row.first_checked_on, completed_on: row.completed_on, note: row.note });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `${row.id}-${field}`;
  const choose = (answer: FirstAnswer | null) => setCheck((c) => ({ ...c, first_answer: answer, completed_on: answer === 'no' ? c.completed_on : null }));
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setProblem(null);
    saveRow(systemId, row.id, row.version, check).then(
      (sheet) => {
        setBusy(false);
        onSaved(sheet);
      },
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ProblemError && error.status === 409) {
          setProblem(r.stale);
          return;
        }
        if (error instanceof ProblemError && error.status === 400 && error.fields.length > 0) {
          const shown: Record<string, string> = {};
          for (const f of error.fields) shown[f.field] = r.fieldProblems[f.field] ?? r.errorHeading;
          setErrors(shown);
          return;
        }
        setProblem(r.loadFailed);
      },
    );
  };
  const options: { value: FirstAnswer | null; label: string }[] = [
    { value: 'yes', label: r.yes },
    { value: 'no', label: r.no },
    { value: null, label: r.notAnswered },
  ];
  return (
    <form onSubmit={submit} class="mt-3 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4" data-testid={`row-editor-${row.id}`} noValidate>
      {problem !== null && <WarningNotice testId="row-problem">{problem}</WarningNotice>}
      <fieldset id={id('first_answer')}>
        <legend class="text-std-16B-170 text-solid-gray-900">{r.answerLegend}</legend>
        <div class="mt-2 flex flex-wrap gap-x-6 gap-y-1">
          {options.map((option) => (
            <label key={option.label} class="inline-flex min-h-11 cursor-pointer items-center gap-2 text-std-16N-170">
              <input type="radio" class="size-5 accent-blue-900" name={id('answer')} checked={check.first_answer === option.value} onChange={() => choose(option.value)} />
              {option.label}
            </label>
          ))}
        </div>
        {errors['first_answer'] !== undefined && (
          <p class="mt-2 text-std-16N-170 text-error-1" data-testid="field-error">
            <span aria-hidden="true">＊</span>
            {errors['first_answer']}
          </p>
        )}
      </fieldset>
      <DateInput id={id('first_checked_on')} label={r.firstDate} value={check.first_checked_on} error={errors['first_checked_on']} onInput={(value) => setCheck((c) => ({ ...c, first_checked_on: value }))} />
      {check.first_answer === 'no' && (
        <DateInput id={id('completed_on')} label={r.completedDate} help={r.completedHelp} value={check.completed_on} error={errors['completed_on']} onInput={(value) => setCheck((c) => ({ ...c, completed_on: value }))} />
      )}
      <div class="mt-4">
        <label for={id('note')} class="block text-std-16B-170 text-solid-gray-900">
          {r.noteLabel}
        </label>
        <textarea id={id('note')} rows={2} maxLength={1000} class={textareaClass} value={check.note} onInput={(event) => setCheck((c) => ({ ...c, note: (event.currentTarget as HTMLTextAreaElement).value }))} />
        {errors['note'] !== undefined && (
          <p class="mt-2 text-std-16N-170 text-error-1" data-testid="field-error">
            <span aria-hidden="true">＊</span>
            {errors['note']}
          </p>
        )}
      </div>
      <div class="mt-4 flex flex-wrap items-center gap-4">
        <SubmitButton class="" busy={busy} label={r.save} busyLabel={r.saving} />
        <button type="button" class={buttonClass} onClick={onCancel}>
          {r.cancel}
        </button>
      </div>
    </form>
  );
}
