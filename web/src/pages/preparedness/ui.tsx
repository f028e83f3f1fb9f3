// Pieces shared by the preparedness pages: days and moments in the reader's language, the server's field
// errors in the reader's language (its English messages never reach the page), form fields, the form's
// problem box, removal with a confirmation and a record's history.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useResource, type Resource } from '../../api/useResource';
import { formatJst } from '../../auth/format';
import { ProblemError } from '../../auth/request';
import { langOf, useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { buttonClass, ConfirmBox, dangerButtonClass, RequiredMark } from '../account/ui';
import type { Code, HistoryEntry } from './api';

export const cardClass = 'mt-4 rounded-8 border border-solid-gray-420 bg-white p-4 md:p-5';
export const formBoxClass = 'mt-4 max-w-3xl rounded-8 border-2 border-blue-900 bg-blue-50 p-4 md:p-6';
export const smallDangerClass =
  'inline-flex min-h-11 items-center justify-center rounded-8 border border-red-900 bg-white px-3 text-dns-16B-120 text-red-900 hover:bg-red-50 hover:underline';
const inputClass = 'mt-2 block w-full rounded-8 border bg-white px-4 py-2 text-std-16N-170 text-solid-gray-900';
const border = (error: string | undefined) => (error === undefined ? 'border-solid-gray-600' : 'border-2 border-error-1');

/** Today in Japan as YYYY-MM-DD, and now as YYYY-MM-DDTHH:MM (the server's "moment"). */
export function japanNow(): { day: string; moment: string } {
  const shifted = new Date(Date.now() + 9 * 3600 * 1000).toISOString();
  return { day: shifted.slice(0, 10), moment: shifted.slice(0, 16) };
}

/** A day (YYYY-MM-DD) or a moment (YYYY-MM-DDTHH:MM, Japan's time) in the reader's language, or a dash. */
export function useWhen(): (value: string | null) => string {
  const { language } = useI18n();
  return (value) => {
    if (value === null || value === '') return '—';
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
    if (match === null) return value;
    const [, y, m, d, hh, mm] = match;
    const time = hh === undefined ? '' : ` ${hh}:${mm}`;
    if (language === 'ja') return `${Number(y)}年${Number(m)}月${Number(d)}日${time}`;
    const month = new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
    return `${Number(d)} ${month} ${y}${time}`;
  };
}

/** A code's label from the reference data in the reader's language (the code itself is never shown). */
export function useCodeLabel(): (codes: Code[], code: string | null) => string {
  const { language } = useI18n();
  return (codes, code) => {
    const found = codes.find((candidate) => candidate.code === code);
    if (found === undefined) return '—';
    return language === 'ja' ? found.label_ja : found.label_en;
  };
}

/**
 * The field errors of a refused write, keyed by the form's field names, in the reader's language.
 * `strip` takes a list entry's prefix off the server's path (`events[3].at` → `at`).
 */
export function fieldErrors(t: Messages, error: ProblemError, labels: Record<string, string>, strip?: RegExp): Record<string, string> {
  const p = t.preparedness.problems;
  const out: Record<string, string> = {};
  for (const problem of error.fields) {
    const field = strip === undefined ? problem.field : problem.field.replace(strip, '');
    const label = labels[field] ?? labels[field.replace(/\[\d+\]$/, '')] ?? '';
    // The server gives a stable reason for each refusal it can name; anything else asks to check the field.
    let text: string;
    if (problem.reason === 'future') text = p.future;
    else if (problem.reason === 'phone') text = p.phone;
    else if (problem.reason === 'email') text = p.email;
    else if (problem.reason === 'closed_before_detected') text = p.closedBeforeDetected;
    else if (problem.reason === 'required') text = p.required(label);
    else if (problem.reason === 'too_long') text = p.tooLong(label);
    else text = p.check(label);
    out[field] = text;
  }
  return out;
}

/** What a refused write says above the form: a stale version, field errors, or a failure. */
export function refusal(t: Messages, error: unknown): string {
  const p = t.preparedness.problems;
  if (error instanceof ProblemError && error.status === 409) return p.stale;
  if (error instanceof ProblemError && error.status === 403) return p.forbidden;
  if (error instanceof ProblemError && error.fields.length > 0) return p.heading;
  return p.failed;
}

/**
 * A page's records with a reload after each write. Until the new answer is in, the page shows loading (not
 * the previous answer beside the notice of what was just saved).
 */
export function useReloadable<T>(key: string, load: (signal: AbortSignal) => Promise<T>): [Resource<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [resource] = useResource(`${key}/${attempt}`, (signal) => load(signal).then((data) => ({ attempt, data })));
  const current: Resource<T> =
    resource.state === 'ready' ? (resource.data.attempt === attempt ? { state: 'ready', data: resource.data.data } : { state: 'loading' }) : resource;
  return [current, () => setAttempt((n) => n + 1)];
}

/** A form's state: field values, errors, the problem above the form and whether it is being sent. */
export function useRecordForm<T extends object>(initial: T) {
  const [fields, setFields] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof T>(key: K, value: T[K]) => setFields((current) => ({ ...current, [key]: value }));
  return { fields, setFields, set, errors, setErrors, problem, setProblem, busy, setBusy };
}

export interface FormControl {
  setBusy: (busy: boolean) => void;
  setProblem: (problem: string | null) => void;
  setErrors: (errors: Record<string, string>) => void;
}

/** Sends a write and shows its refusal; `done` runs after success. */
export function submitWith<R>(
  t: Messages,
  form: FormControl,
  labels: Record<string, string>,
  request: () => Promise<R>,
  done: (result: R) => void,
  strip?: RegExp,
): void {
  form.setBusy(true);
  form.setProblem(null);
  form.setErrors({});
  request().then(
    (result) => {
      form.setBusy(false);
      done(result);
    },
    (error: unknown) => {
      form.setBusy(false);
      form.setProblem(refusal(t, error));
      if (error instanceof ProblemError && error.fields.length > 0) form.setErrors(fieldErrors(t, error, labels, strip));
    },
  );
}

function ErrorLine({ id, error }: { id: string; error: string | undefined }) {
  if (error === undefined) return null;
  return (
    <p id={`${id}-error`} class="mt-2 text-std-16N-170 text-error-1" data-testid="field-error">
      <span aria-hidden="true">＊</span>
      {error}
    </p>
  );
}

function described(id: string, help: ComponentChildren | undefined, error: string | undefined): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const ids = [help === undefined ? null : `${id}-help`, error === undefined ? null : `${id}-error`].filter((x) => x !== null);
  return {
    ...(error === undefined ? {} : { 'aria-invalid': true }),
    ...(ids.length === 0 ? {} : { 'aria-describedby': ids.join(' ') }),
  };
}

function Label({ id, label, required, help }: { id: string; label: string; required?: boolean | undefined; help?: ComponentChildren | undefined }) {
  return (
    <>
      <label for={id} class="block text-std-16B-170 text-solid-gray-900">
        {label}
        {required === true && <RequiredMark />}
      </label>
      {help !== undefined && (
        <div id={`${id}-help`} class="mt-1 text-std-16N-170 text-solid-gray-700">
          {help}
        </div>
      )}
    </>
  );
}

/** A text area with its label, help and error. */
export function TextArea(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  maxLength: number;
  rows?: number;
  help?: ComponentChildren;
  error?: string | undefined;
  required?: boolean;
}) {
  return (
    <div class="mt-6">
      <Label id={props.id} label={props.label} required={props.required} help={props.help} />
      <textarea
        id={props.id}
        name={props.id}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        value={props.value}
        onInput={(event) => props.onInput((event.currentTarget as HTMLTextAreaElement).value)}
        class={`${inputClass} ${border(props.error)}`}
        {...(props.required === true ? { 'aria-required': true } : {})}
        {...described(props.id, props.help, props.error)}
      />
      <ErrorLine id={props.id} error={props.error} />
    </div>
  );
}

/** A date (YYYY-MM-DD) or a moment (YYYY-MM-DDTHH:MM) field. */
export function WhenField(props: {
  id: string;
  label: string;
  value: string | null;
  onInput: (value: string | null) => void;
  time?: boolean;
  help?: ComponentChildren;
  error?: string | undefined;
  required?: boolean;
}) {
  return (
    <div class="mt-6">
      <Label id={props.id} label={props.label} required={props.required} help={props.help} />
      <input
        id={props.id}
        name={props.id}
        type={props.time === true ? 'datetime-local' : 'date'}
        value={props.value ?? ''}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value || null)}
        class={`mt-2 block min-h-14 rounded-8 border bg-white px-4 py-2 text-std-16N-170 ${border(props.error)}`}
        {...(props.required === true ? { 'aria-required': true } : {})}
        {...described(props.id, props.help, props.error)}
      />
      <ErrorLine id={props.id} error={props.error} />
    </div>
  );
}

/** Radio buttons in a fieldset, for a handful of choices. */
export function Choices<T extends string>(props: {
  name: string;
  legend: string;
  value: T | null;
  options: { value: T; label: string; help?: string }[];
  onChange: (value: T) => void;
  error?: string | undefined;
  help?: string;
  /** Side by side from the tablet width up (for short labels). */
  inline?: boolean;
}) {
  return (
    <fieldset class="mt-6" id={props.name} {...described(props.name, props.help, props.error)}>
      <legend class="text-std-16B-170 text-solid-gray-900">{props.legend}</legend>
      {props.help !== undefined && (
        <p id={`${props.name}-help`} class="mt-1 text-std-16N-170 text-solid-gray-700">
          {props.help}
        </p>
      )}
      <div class={`mt-2 flex flex-col gap-1 ${props.inline === true ? 'md:flex-row md:flex-wrap md:gap-x-8' : ''}`}>
        {props.options.map((option) => (
          <label key={option.value} class="inline-flex min-h-11 cursor-pointer items-start gap-2 py-1 text-std-16N-170">
            <input
              type="radio"
              class="mt-1 size-5 shrink-0 accent-blue-900"
              name={props.name}
              value={option.value}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
            />
            <span>
              {option.label}
              {option.help !== undefined && <span class="block text-dns-14N-130 text-solid-gray-700">{option.help}</span>}
            </span>
          </label>
        ))}
      </div>
      <ErrorLine id={props.name} error={props.error} />
    </fieldset>
  );
}

/** The problem above a form, listing the fields it names (each a link to its field; `ids` names the element of a
 * field whose id is not the field's own name, where two forms on one page share field names). */
export function FormProblem({ problem, errors, labels, ids = {} }: { problem: string | null; errors: Record<string, string>; labels: Record<string, string>; ids?: Record<string, string> }) {
  if (problem === null) return null;
  return (
    <div role="alert" data-testid="form-problem" class="mt-4 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170 text-solid-gray-900">
      <p>{problem}</p>
      {Object.keys(errors).length > 0 && (
        <ul class="mt-2 list-disc pl-6">
          {Object.entries(errors).map(([field, message]) => (
            <li key={field}>
              {labels[field] !== undefined && labels[field] !== '' && (
                <a href={`#${ids[field] ?? field}`} class="text-error-1 underline underline-offset-2">
                  {labels[field]}
                </a>
              )}
              {labels[field] !== undefined && labels[field] !== '' ? '：' : ''}
              {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The form's buttons: save (busy while sending) and cancel. */
export function FormButtons({ busy, onCancel, saveLabel }: { busy: boolean; onCancel: () => void; saveLabel?: string }) {
  const { t } = useI18n();
  const p = t.preparedness;
  return (
    <div class="mt-8 flex flex-wrap items-center gap-4">
      <button type="submit" class="inline-flex min-h-14 items-center justify-center rounded-8 border-2 border-blue-900 bg-blue-900 px-6 text-std-16B-170 text-white hover:bg-blue-1000 hover:underline disabled:border-solid-gray-300 disabled:bg-solid-gray-300" disabled={busy}>
        {busy ? p.saving : (saveLabel ?? p.save)}
      </button>
      <button type="button" class={buttonClass} onClick={onCancel}>
        {p.cancel}
      </button>
    </div>
  );
}

/** 削除 with a confirmation; `remove` sends it and resolves when done. */
export function RemoveButton({ question, label, onRemove, testId }: { question: string; label: string; onRemove: () => Promise<void>; testId: string }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!confirming)
    return (
      <button type="button" class={smallDangerClass} onClick={() => setConfirming(true)} data-testid={testId}>
        {label}
      </button>
    );
  return (
    <ConfirmBox
      class="w-full max-w-xl rounded-8 border-2 border-red-900 bg-red-50 p-4"
      label={t.preparedness.removeConfirm}
      testId={`${testId}-confirm`}
      message={question}
      confirmClass={dangerButtonClass}
      busy={busy}
      onCancel={() => setConfirming(false)}
      onConfirm={() => {
        setBusy(true);
        onRemove().finally(() => {
          setBusy(false);
          setConfirming(false);
        });
      }}
    />
  );
}

/** Who changed a record and when, newest first, folded away. */
export function RecordHistory({ history }: { history: HistoryEntry[] }) {
  const { t, language } = useI18n();
  const p = t.preparedness;
  if (history.length === 0) return null;
  return (
    <details class="mt-3 text-dns-14N-130 text-solid-gray-800">
      <summary class="min-h-11 cursor-pointer py-2 text-blue-1000 underline underline-offset-2">{p.historyToggle(history.length)}</summary>
      <ol class="mt-1 list-disc pl-6">
        {history.map((entry) => (
          <li key={entry.version}>
            {formatJst(entry.at, language)} {p.historyActions[entry.action]}
            {language === 'ja' ? '（' : ' ('}
            {entry.by === '' ? p.someone : <span lang={langOf(entry.by)}>{entry.by}</span>}
            {language === 'ja' ? '）' : ')'}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** A short list of facts (label, value); values that are empty are left out. */
export function Facts({ rows, testId }: { rows: [string, ComponentChildren][]; testId?: string }) {
  const shown = rows.filter(([, value]) => value !== '' && value !== null && value !== undefined);
  return (
    <dl class="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 md:grid-cols-[12rem_1fr]" {...(testId === undefined ? {} : { 'data-testid': testId })}>
      {shown.map(([label, value]) => (
        <div key={label} class="contents">
          <dt class="text-std-16B-170 text-solid-gray-800">{label}</dt>
          <dd class="mb-2 whitespace-pre-wrap break-words text-std-16N-170 md:mb-0">{typeof value === 'string' ? <span lang={langOf(value)}>{value}</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
