// The answer fields (はい / いいえ / 記入不要, 確認日, 目標日, 2回目, メモ) and the autosave line.
import type { AnswerValue } from '../../api/assessments';
import { formatJst } from '../../auth/format';
import { useI18n } from '../../i18n';
import { RequiredMark } from '../account/ui';
import type { RowSaver } from './hooks';

export const inputBase =
  'block w-full rounded-8 border bg-white px-3 py-2 text-std-16N-170 text-solid-gray-900 placeholder:text-solid-gray-420 disabled:bg-solid-gray-50 disabled:text-solid-gray-700';

const border = (error: string | undefined) => (error === undefined ? 'border-solid-gray-600' : 'border-2 border-error-1');

// ---- marks ----

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (error === undefined) return null;
  return (
    <p id={id} class="mt-1 text-std-16N-170 text-error-1" data-testid="field-error">
      <span aria-hidden="true">＊</span>
      {error}
    </p>
  );
}

export function DateField({
  id,
  label,
  value,
  onChange,
  min,
  max,
  help,
  error,
  required,
  disabled,
  compact,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
  help?: string;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  compact?: boolean;
}) {
  const describedBy = [help === undefined ? null : `${id}-help`, error === undefined ? null : `${id}-error`].filter((x) => x !== null).join(' ');
  return (
    <div>
      <label for={id} class="block text-std-16B-170 text-solid-gray-900">
        {label}
        {required === true && <RequiredMark />}
      </label>
      {help !== undefined && (
        <p id={`${id}-help`} class="text-dns-14N-130 text-solid-gray-700">
          {help}
        </p>
      )}
      <input
        id={id}
        name={id}
        type="date"
        value={value}
        disabled={disabled === true}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).value)}
        class={`mt-1 ${inputBase} ${compact === true ? 'min-h-11' : 'min-h-14'} max-w-64 ${border(error)}`}
        {...(min === undefined ? {} : { min })}
        {...(max === undefined ? {} : { max })}
        {...(required === true ? { 'aria-required': true } : {})}
        {...(error === undefined ? {} : { 'aria-invalid': true })}
        {...(describedBy === '' ? {} : { 'aria-describedby': describedBy })}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function NoteField({
  id,
  value,
  onInput,
  onBlur,
  error,
  disabled,
  rows = 3,
}: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  disabled?: boolean;
  rows?: number;
}) {
  const { t } = useI18n();
  return (
    <div>
      <label for={id} class="block text-std-16B-170 text-solid-gray-900">
        {t.assessments.note}
      </label>
      <p id={`${id}-help`} class="text-dns-14N-130 text-solid-gray-700">
        {t.assessments.noteHelp}
      </p>
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        maxLength={2000}
        disabled={disabled === true}
        onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
        {...(onBlur === undefined ? {} : { onBlur })}
        class={`mt-1 ${inputBase} min-h-14 ${border(error)}`}
        aria-describedby={error === undefined ? `${id}-help` : `${id}-help ${id}-error`}
        {...(error === undefined ? {} : { 'aria-invalid': true })}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** はい / いいえ / 記入不要 as toggle buttons: large (the wizard) or compact (the table). */

export function ValueButtons({
  id,
  label,
  value,
  allowed,
  onChoose,
  disabled,
  large,
  error,
  notRequiredLabel,
}: {
  id: string;
  label: string;
  value: AnswerValue | null;
  allowed: AnswerValue[];
  onChoose: (value: AnswerValue) => void;
  disabled?: boolean;
  large?: boolean;
  error?: string | undefined;
  notRequiredLabel?: string;
}) {
  const { t } = useI18n();
  const names: Record<AnswerValue, string> = {
    yes: t.assessments.values.yes,
    no: t.assessments.values.no,
    not_required: notRequiredLabel ?? t.assessments.values.not_required,
  };
  const size = large === true ? 'min-h-16 px-4 text-std-20B-150' : 'min-h-11 px-3 text-dns-16B-120';
  return (
    <div>
      <p id={`${id}-label`} class={large === true ? 'sr-only' : 'text-std-16B-170 text-solid-gray-900'}>
        {label}
      </p>
      <div
        role="group"
        aria-labelledby={`${id}-label`}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
          const buttons = Array.from((event.currentTarget as HTMLElement).querySelectorAll('button'));
          const index = buttons.indexOf(event.target as HTMLButtonElement);
          if (index < 0) return;
          event.preventDefault();
          buttons[(index + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
        }}
        {...(error === undefined ? {} : { 'aria-describedby': `${id}-error` })}
        class={`mt-1 grid gap-2 ${allowed.length === 3 ? 'grid-cols-3' : allowed.length === 2 ? 'grid-cols-2' : 'grid-cols-1'} ${large === true ? 'gap-3' : ''}`}
      >
        {allowed.map((candidate) => {
          const pressed = value === candidate;
          return (
            <button
              key={candidate}
              type="button"
              aria-pressed={pressed}
              disabled={disabled === true}
              data-value={candidate}
              onClick={() => onChoose(candidate)}
              class={`flex items-center justify-center gap-2 rounded-8 border-2 text-center ${size} ${
                pressed
                  ? 'border-blue-900 bg-blue-900 text-white'
                  : 'border-blue-900 bg-white text-blue-1000 hover:bg-blue-50 hover:underline'
              } disabled:border-solid-gray-300 disabled:text-solid-gray-700 ${pressed ? 'disabled:bg-solid-gray-600 disabled:text-white' : 'disabled:bg-solid-gray-50'}`}
            >
              <span aria-hidden="true" class={pressed ? '' : 'invisible'}>
                ✓
              </span>
              {names[candidate]}
            </button>
          );
        })}
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** The autosave state, read out when it changes. */

export function SaveStatusLine({ saver, testId = 'save-status', gate = false }: { saver: RowSaver; testId?: string; gate?: boolean }) {
  const canonicalNeedsTarget = !gate;
  const { t, language } = useI18n();
  const a = t.assessments.save;
  let text = '';
  let tone = 'text-solid-gray-700';
  let mark = '';
  switch (saver.status) {
    case 'saving':
      text = a.saving;
      mark = '…';
      break;
    case 'saved':
      text = saver.savedAt === null ? a.saved : a.savedAt(formatJst(saver.savedAt.toISOString(), language).split(' ').pop() ?? '');
      tone = 'text-green-1000';
      mark = '✓';
      break;
    case 'incomplete':
      text = a.incomplete;
      tone = 'text-error-1';
      mark = '!';
      break;
    case 'error':
      text = a.error;
      tone = 'text-error-1';
      mark = '!';
      break;
    case 'conflict':
      text = a.conflict;
      tone = 'text-error-1';
      mark = '!';
      break;
    case 'idle':
      if (saver.draft.value === 'no' && saver.draft.target_date === '' && canonicalNeedsTarget) {
        text = a.needsTarget;
        mark = 'ℹ';
      } else if (saver.dirty) {
        text = a.unsaved;
      }
      break;
  }
  return (
    <p role="status" aria-live="polite" class={`min-h-7 text-std-16B-170 ${tone}`} data-testid={testId} data-state={saver.status}>
      {text !== '' && (
        <>
          <span aria-hidden="true" class="mr-1">
            {mark}
          </span>
          {text}
        </>
      )}
    </p>
  );
}
