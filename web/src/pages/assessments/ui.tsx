// Pieces shared by the assessment pages: status marks that never rely on colour alone, the progress bar,
// the answer fields (はい / いいえ / 記入不要, 確認日, 目標日, 2回目, メモ), the autosave line, the evidence list,
// and the conflict and history dialogs.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  assessmentApi,
  evidenceContentUrl,
  japanToday,
  type Answer,
  type AnswerValue,
  type Assessment,
  type AssessmentStatus,
  type Evidence,
  type Progress,
} from '../../api/assessments';
import { ApiError } from '../../api/http';
import { formatJst } from '../../auth/format';
import { describeProblem } from '../../auth/problems';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { Link } from '../../router';
import { buttonClass, ConfirmBox, dangerButtonClass, h2Class, ProblemBox, RequiredMark } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { fiscalYearOfEditionId } from '../catalog/routes';
import type { Draft, Loaded, RowSaver } from './hooks';
import { formatDate, valueLabel } from './model';
import { assessmentPaths } from './routes';

export const inputBase =
  'block w-full rounded-8 border bg-white px-3 py-2 text-std-16N-170 text-solid-gray-900 placeholder:text-solid-gray-420 disabled:bg-solid-gray-50 disabled:text-solid-gray-700';
const border = (error: string | undefined) => (error === undefined ? 'border-solid-gray-600' : 'border-2 border-error-1');

// ---- marks ----

export function StatusBadge({ status }: { status: AssessmentStatus }) {
  const { t } = useI18n();
  const submitted = status === 'submitted';
  return (
    <span
      data-testid="assessment-status"
      data-status={status}
      class={`inline-flex items-center gap-1 whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-120 ${
        submitted ? 'border-success-2 bg-green-50 text-green-1000' : 'border-solid-gray-536 bg-white text-solid-gray-800'
      }`}
    >
      <span aria-hidden="true">{submitted ? '✓' : '✎'}</span>
      {t.assessments.status[status]}
    </span>
  );
}

const valueMark: Record<AnswerValue | 'none', string> = { yes: '○', no: '×', not_required: '－', none: '…' };

/** An answer as a short mark and word: ○ はい, × いいえ, － 記入不要, … 未回答. */
export function ValueChip({ answer, testId }: { answer: Answer | null; testId?: string }) {
  const { t } = useI18n();
  const value = answer?.value ?? null;
  const tone =
    value === 'yes'
      ? 'border-blue-900 bg-blue-50 text-blue-1000'
      : value === 'no'
        ? 'border-orange-900 bg-orange-50 text-orange-1100'
        : value === 'not_required'
          ? 'border-solid-gray-536 bg-solid-gray-50 text-solid-gray-800'
          : 'border-dashed border-solid-gray-536 bg-white text-solid-gray-700';
  return (
    <span
      class={`inline-flex items-center gap-1 justify-self-start whitespace-nowrap rounded-4 border px-1.5 py-0.5 text-dns-14B-120 ${tone}`}
      data-value={value ?? 'none'}
      {...(testId === undefined ? {} : { 'data-testid': testId })}
    >
      <span aria-hidden="true">{valueMark[value ?? 'none']}</span>
      {valueLabel(t, answer)}
    </span>
  );
}

export function ReconfirmBadge() {
  const { t } = useI18n();
  return (
    <span
      data-testid="reconfirm-badge"
      title={t.assessments.reconfirmHelp}
      class="inline-flex items-center gap-1 whitespace-nowrap rounded-4 border border-yellow-900 bg-yellow-100 px-1.5 py-0.5 text-dns-14B-120 text-solid-gray-900"
    >
      <span aria-hidden="true">⚠</span>
      {t.assessments.reconfirm}
    </span>
  );
}

export function NewBadge() {
  const { t } = useI18n();
  return (
    <span
      data-testid="new-badge"
      title={t.assessments.newHelp}
      class="inline-flex items-center gap-1 whitespace-nowrap rounded-4 border border-blue-900 bg-white px-1.5 py-0.5 text-dns-14B-120 text-blue-1000"
    >
      <span aria-hidden="true">★</span>
      {t.assessments.newThisYear}
    </span>
  );
}

export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <span class="inline-flex items-center gap-1 whitespace-nowrap rounded-4 border border-error-1 bg-red-50 px-1.5 py-0.5 text-dns-14B-120 text-error-1" data-testid="overdue-badge">
      <span aria-hidden="true">!</span>
      {t.assessments.overdue}
    </span>
  );
}

// ---- progress ----

export function ProgressBar({ progress, label }: { progress: Progress; label?: string }) {
  const { t } = useI18n();
  const a = t.assessments;
  const labelId = `progress-label-${useId()}`;
  return (
    <div>
      <div class="flex flex-wrap items-baseline justify-between gap-2">
        <span id={labelId} class="text-std-16B-170 text-solid-gray-900">
          {label ?? a.progressLabel}
        </span>
        <span class="text-std-16N-170 text-solid-gray-800" data-testid="progress-text">
          {a.progressText(progress.rows_answered, progress.rows_total, progress.percent)}
        </span>
      </div>
      <progress
        aria-labelledby={labelId}
        max={Math.max(progress.rows_total, 1)}
        value={progress.rows_answered}
        class="mt-2 block h-4 w-full overflow-hidden rounded-full border border-solid-gray-536 bg-solid-gray-100 [&::-moz-progress-bar]:bg-blue-900 [&::-webkit-progress-bar]:bg-solid-gray-100 [&::-webkit-progress-value]:bg-blue-900"
      />
    </div>
  );
}

export function Counts({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  const a = t.assessments;
  const unanswered = Math.max(progress.rows_total - progress.rows_answered, 0);
  const cells: { key: string; label: string; value: number; mark: string; tone: string }[] = [
    { key: 'yes', label: a.values.yes, value: progress.yes, mark: '○', tone: 'border-blue-900' },
    { key: 'no', label: a.values.no, value: progress.no, mark: '×', tone: 'border-orange-900' },
    { key: 'not_required', label: a.values.not_required, value: progress.not_required, mark: '－', tone: 'border-solid-gray-536' },
    { key: 'unanswered', label: a.values.unanswered, value: unanswered, mark: '…', tone: 'border-solid-gray-536 border-dashed' },
    { key: 'reconfirm', label: a.reconfirm, value: progress.needs_reconfirmation, mark: '⚠', tone: 'border-yellow-900' },
  ];
  return (
    <dl class="grid grid-cols-2 gap-2 sm:grid-cols-5" data-testid="counts">
      {cells.map((cell) => (
        <div key={cell.key} class={`rounded-8 border-2 bg-white px-3 py-2 ${cell.tone}`} data-count={cell.key}>
          <dt class="text-dns-14B-120 text-solid-gray-800">
            <span aria-hidden="true" class="mr-1">
              {cell.mark}
            </span>
            {cell.label}
          </dt>
          <dd class="text-std-24B-150 text-solid-gray-900">{a.rowCount(cell.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

// ---- explanation ----

export function Explanation({ meaning, how, evidence, headingLevel = 3 }: { meaning: string; how: string; evidence: string; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="explanation-heading" class="rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 md:p-5" data-testid="explanation">
      <Heading id="explanation-heading" class="text-std-18B-160 text-solid-gray-900">
        {t.assessments.explanationHeading}
      </Heading>
      <dl class="mt-2 grid gap-3 text-std-16N-170">
        <div>
          <dt class="text-std-16B-170 text-solid-gray-900">{t.catalog.meaning}</dt>
          <dd>{meaning}</dd>
        </div>
        <div>
          <dt class="text-std-16B-170 text-solid-gray-900">{t.catalog.how}</dt>
          <dd>{how}</dd>
        </div>
        <div>
          <dt class="text-std-16B-170 text-solid-gray-900">{t.catalog.evidence}</dt>
          <dd>{evidence}</dd>
        </div>
      </dl>
    </section>
  );
}

// ---- fields ----

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

export function problemText(t: Messages, language: 'ja' | 'en', error: unknown) {
  return describeProblem(t, language, error);
}

// ---- dialogs ----

export function Modal({
  open,
  onClose,
  labelledBy,
  testId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  testId: string;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onClose={onClose}
      class="m-auto max-h-[90vh] w-[min(48rem,calc(100vw-2rem))] overflow-y-auto whitespace-normal text-left rounded-8 border-2 border-solid-gray-600 bg-white p-0 text-solid-gray-800 backdrop:bg-black/50"
    >
      {open && <div class="p-5 md:p-6">{children}</div>}
    </dialog>
  );
}

/** The fields of an answer, for the conflict dialog and the history. */
function AnswerSummary({ answer, draft }: { answer?: Answer; draft?: Draft }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const value = answer?.value ?? draft?.value ?? null;
  const confirmed = answer?.confirmed_on ?? (draft?.confirmed_on === '' ? null : (draft?.confirmed_on ?? null));
  const target = answer?.target_date ?? (draft?.target_date === '' ? null : (draft?.target_date ?? null));
  const note = answer?.note ?? draft?.note ?? '';
  const shown: Answer = {
    value,
    reason: answer?.reason ?? draft?.reason ?? null,
    confirmed_on: confirmed,
    target_date: target,
    second: null,
    note,
    needs_reconfirmation: answer?.needs_reconfirmation ?? false,
    version: answer?.version ?? 0,
    derived: false,
    answered_by: answer?.answered_by ?? null,
    answered_at: answer?.answered_at ?? null,
    evidence: [],
  };
  return (
    <dl class="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-std-16N-170">
      <dt class="font-bold">{a.answer}</dt>
      <dd>
        <ValueChip answer={shown} />
        {shown.needs_reconfirmation && (
          <span class="ml-2">
            <ReconfirmBadge />
          </span>
        )}
      </dd>
      <dt class="font-bold">{a.confirmedOn}</dt>
      <dd>{confirmed === null ? '—' : formatDate(confirmed, language)}</dd>
      <dt class="font-bold">{a.targetDate}</dt>
      <dd>{target === null ? '—' : formatDate(target, language)}</dd>
      {answer?.second !== null && answer?.second !== undefined && (
        <>
          <dt class="font-bold">{a.second}</dt>
          <dd>
            {a.values[answer.second.value]} {formatDate(answer.second.confirmed_on, language)}
          </dd>
        </>
      )}
      <dt class="font-bold">{a.note}</dt>
      <dd class="whitespace-pre-wrap break-words">{note === '' ? '—' : note}</dd>
      {answer !== undefined && answer.answered_at !== null && answer.answered_at !== '' && (
        <>
          <dt class="font-bold">{a.answeredBy}</dt>
          <dd>
            {answer.answered_by?.name ?? '—'}（{formatJst(answer.answered_at, language)}）
          </dd>
        </>
      )}
    </dl>
  );
}

export function ConflictDialog({ saver, rowTitle }: { saver: RowSaver; rowTitle: string }) {
  const { t } = useI18n();
  const a = t.assessments.conflict;
  const conflict = saver.conflict;
  return (
    <Modal open={conflict !== null} onClose={() => undefined} labelledBy="conflict-heading" testId="conflict-dialog">
      {conflict !== null && (
        <>
          <h2 id="conflict-heading" class={h2Class}>
            <span aria-hidden="true" class="mr-2 text-error-1">
              !
            </span>
            {a.heading}
          </h2>
          <p class="mt-2 text-std-16N-170">{a.body(rowTitle, conflict.theirs.answered_by?.name ?? a.someone)}</p>
          <div class="mt-4 grid gap-4 md:grid-cols-2">
            <section aria-labelledby="conflict-theirs" class="rounded-8 border-2 border-solid-gray-536 p-4" data-testid="conflict-theirs">
              <h3 id="conflict-theirs" class="text-std-18B-160 text-solid-gray-900">
                {a.theirs}
              </h3>
              <div class="mt-2">
                <AnswerSummary answer={conflict.theirs} />
              </div>
            </section>
            <section aria-labelledby="conflict-mine" class="rounded-8 border-2 border-blue-900 p-4" data-testid="conflict-mine">
              <h3 id="conflict-mine" class="text-std-18B-160 text-solid-gray-900">
                {a.mine}
              </h3>
              <div class="mt-2">
                <AnswerSummary draft={conflict.mine} />
              </div>
            </section>
          </div>
          <div class="mt-5 flex flex-wrap gap-3">
            <button type="button" class={buttonClass} onClick={() => saver.resolve('theirs')} data-testid="keep-theirs">
              {a.keepTheirs}
            </button>
            <button
              type="button"
              class="inline-flex min-h-11 items-center justify-center gap-1 rounded-8 border border-blue-900 bg-blue-900 px-4 text-dns-16B-120 text-white hover:bg-blue-1000 hover:underline"
              onClick={() => saver.resolve('mine')}
              data-testid="overwrite-mine"
            >
              {a.overwrite}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}

export function HistoryDialog({
  assessmentId,
  canonicalId,
  rowKey,
  rowTitle,
  open,
  onClose,
}: {
  assessmentId: number;
  canonicalId: string;
  rowKey: string;
  rowTitle: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const [versions, setVersions] = useState<Loaded<Answer[]>>({ state: 'loading' });
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setVersions({ state: 'loading' });
    assessmentApi.history(assessmentId, canonicalId, rowKey, controller.signal).then(
      (data) => setVersions({ state: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setVersions({ state: 'error', error: error instanceof ApiError ? error : new ApiError('invalid', 0, null, null) });
      },
    );
    return () => controller.abort();
  }, [open, assessmentId, canonicalId, rowKey]);
  return (
    <Modal open={open} onClose={onClose} labelledBy="history-heading" testId="history-dialog">
      <h2 id="history-heading" class={h2Class}>
        {a.history.heading(rowTitle)}
      </h2>
      {versions.state === 'loading' && <p role="status" class="mt-4">{t.identity.loading}</p>}
      {versions.state === 'error' && <ProblemBox problem={problemText(t, language, versions.error)} />}
      {versions.state === 'ready' &&
        (versions.data.length === 0 ? (
          <p class="mt-4 text-std-16N-170">{a.history.empty}</p>
        ) : (
          <ol class="mt-4 grid gap-3" data-testid="history-versions">
            {versions.data.map((version) => (
              <li key={version.version} class="rounded-8 border border-solid-gray-420 p-3" data-testid="history-version">
                <p class="text-std-16B-170 text-solid-gray-900">{a.history.version(version.version)}</p>
                <div class="mt-1">
                  <AnswerSummary answer={version} />
                </div>
              </li>
            ))}
          </ol>
        ))}
      <div class="mt-5">
        <button type="button" class={buttonClass} onClick={onClose} data-testid="history-close">
          {t.identity.close}
        </button>
      </div>
    </Modal>
  );
}

// ---- evidence ----

const maxEvidenceBytes = 10 * 1024 * 1024;

function sizeText(size: number | null): string {
  if (size === null) return '';
  if (size < 1024) return `${size} B`;
  const kib = size / 1024;
  if (kib < 1024) return `${kib.toFixed(kib < 10 ? 1 : 0)} KB`;
  return `${(kib / 1024).toFixed(1)} MB`;
}

export function EvidencePanel({
  assessmentId,
  canonicalId,
  rowKey,
  idPrefix,
  answer,
  editable,
  onChange,
}: {
  assessmentId: number;
  canonicalId: string;
  rowKey: string;
  idPrefix: string;
  answer: Answer | null;
  editable: boolean;
  onChange: (evidence: Evidence[]) => void;
}) {
  const { t, language } = useI18n();
  const a = t.assessments.evidence;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; detail?: string | null } | null>(null);
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [removing, setRemoving] = useState<Evidence | null>(null);
  const list = answer?.evidence ?? [];
  const canAdd = editable;

  const failed = (error: unknown) => {
    const shown = describeProblem(t, language, error);
    setMessage({ kind: 'error', text: shown.message, detail: shown.detail });
  };

  const upload = async (files: FileList | null) => {
    if (files === null || files.length === 0) return;
    setBusy(true);
    setMessage(null);
    let current = list;
    for (const file of Array.from(files)) {
      if (file.size > maxEvidenceBytes) {
        setMessage({ kind: 'error', text: a.tooLarge(file.name) });
        continue;
      }
      if (file.size === 0) {
        setMessage({ kind: 'error', text: a.empty(file.name) });
        continue;
      }
      try {
        const added = await assessmentApi.uploadEvidence(assessmentId, canonicalId, rowKey, file);
        current = [...current, added];
        onChange(current);
        setMessage({ kind: 'ok', text: a.added(file.name) });
      } catch (error) {
        failed(error);
      }
    }
    setBusy(false);
  };

  const addLink = async (event: Event) => {
    event.preventDefault();
    const trimmed = url.trim();
    if (!/^https?:\/\/\S+$/i.test(trimmed)) {
      setMessage({ kind: 'error', text: a.badUrl });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const added = await assessmentApi.addLink(assessmentId, canonicalId, rowKey, trimmed, title.trim());
      onChange([...list, added]);
      setUrl('');
      setTitle('');
      setMessage({ kind: 'ok', text: a.added(title.trim() === '' ? trimmed : title.trim()) });
    } catch (error) {
      failed(error);
    }
    setBusy(false);
  };

  const remove = async (evidence: Evidence) => {
    setBusy(true);
    setMessage(null);
    try {
      await assessmentApi.removeEvidence(evidence.id);
      onChange(list.filter((candidate) => candidate.id !== evidence.id));
      setMessage({ kind: 'ok', text: a.removed(evidence.title ?? evidence.file_name ?? evidence.url ?? '') });
    } catch (error) {
      failed(error);
    }
    setRemoving(null);
    setBusy(false);
  };

  return (
    <section aria-labelledby={`${idPrefix}-evidence`} class="rounded-8 border border-solid-gray-420 p-4" data-testid="evidence">
      <h3 id={`${idPrefix}-evidence`} class="text-std-16B-170 text-solid-gray-900">
        {a.heading}
      </h3>
      {list.length === 0 ? (
        <p class="mt-1 text-std-16N-170 text-solid-gray-700">{a.none}</p>
      ) : (
        <ul class="mt-2 grid gap-2" data-testid="evidence-list">
          {list.map((evidence) => (
            <li key={evidence.id} class="flex flex-wrap items-center gap-x-3 gap-y-1 text-std-16N-170" data-testid="evidence-item">
              <span class="rounded-4 border border-solid-gray-536 px-1.5 text-dns-14B-120 text-solid-gray-800">
                {evidence.kind === 'file' ? a.kindFile : a.kindLink}
              </span>
              {evidence.kind === 'file' ? (
                <a href={evidenceContentUrl(evidence.id)} download={evidence.file_name ?? ''} class={`break-all ${linkClass}`}>
                  {evidence.file_name}
                </a>
              ) : (
                <a href={evidence.url ?? '#'} class={`break-all ${linkClass}`} rel="noopener noreferrer" target="_blank">
                  {evidence.title !== null && evidence.title !== '' ? evidence.title : evidence.url}
                </a>
              )}
              <span class="text-dns-14N-130 text-solid-gray-700">
                {[sizeText(evidence.size), evidence.added_by?.name ?? '', formatJst(evidence.added_at, language)].filter((x) => x !== '').join(' · ')}
              </span>
              {editable && (
                <button
                  type="button"
                  class="inline-flex min-h-11 items-center text-std-16N-170 text-error-1 underline underline-offset-2 hover:decoration-2"
                  onClick={() => setRemoving(evidence)}
                  disabled={busy}
                >
                  {a.remove}
                  <span class="sr-only">{`（${evidence.file_name ?? evidence.title ?? evidence.url ?? ''}）`}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {removing !== null && (
        <ConfirmBox
          class="mt-3 rounded-8 border-2 border-error-1 bg-red-50 p-3"
          label={a.remove}
          testId="evidence-remove-confirm"
          message={a.removeConfirm(removing.file_name ?? removing.title ?? removing.url ?? '')}
          confirmClass={dangerButtonClass}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
          busy={busy}
        />
      )}
      {canAdd && (
        <div class="mt-3 grid gap-4 md:grid-cols-2">
          <div>
            <label for={`${idPrefix}-file`} class="block text-std-16B-170 text-solid-gray-900">
              {a.file}
            </label>
            <p id={`${idPrefix}-file-help`} class="text-dns-14N-130 text-solid-gray-700">
              {a.fileHelp}
            </p>
            <input
              id={`${idPrefix}-file`}
              type="file"
              multiple
              disabled={busy}
              accept=".pdf,.png,.jpg,.jpeg,.txt,.csv,.xlsx,.docx,application/pdf,image/png,image/jpeg,text/plain,text/csv"
              aria-describedby={`${idPrefix}-file-help`}
              data-testid="evidence-file"
              onChange={(event) => {
                const input = event.currentTarget as HTMLInputElement;
                void upload(input.files).then(() => {
                  input.value = '';
                });
              }}
              class="mt-1 block w-full min-h-11 text-std-16N-170 file:mr-3 file:min-h-11 file:rounded-8 file:border file:border-blue-900 file:bg-white file:px-3 file:text-dns-16B-120 file:text-blue-900 hover:file:bg-blue-50"
            />
          </div>
          <form onSubmit={(event) => void addLink(event)} class="grid gap-2" data-testid="evidence-link-form">
            <div>
              <label for={`${idPrefix}-url`} class="block text-std-16B-170 text-solid-gray-900">
                {a.url}
              </label>
              <input
                id={`${idPrefix}-url`}
                type="url"
                inputMode="url"
                value={url}
                placeholder="https://"
                onInput={(event) => setUrl((event.currentTarget as HTMLInputElement).value)}
                class={`mt-1 ${inputBase} min-h-11 border-solid-gray-600`}
              />
            </div>
            <div>
              <label for={`${idPrefix}-title`} class="block text-std-16B-170 text-solid-gray-900">
                {a.linkTitle}
              </label>
              <input
                id={`${idPrefix}-title`}
                type="text"
                value={title}
                maxLength={200}
                onInput={(event) => setTitle((event.currentTarget as HTMLInputElement).value)}
                class={`mt-1 ${inputBase} min-h-11 border-solid-gray-600`}
              />
            </div>
            <div>
              <button type="submit" class={buttonClass} disabled={busy || url.trim() === ''}>
                {a.addLink}
              </button>
            </div>
          </form>
        </div>
      )}
      <p role="status" aria-live="polite" class={`mt-2 text-std-16N-170 ${message?.kind === 'error' ? 'text-error-1' : 'text-green-1000'}`} data-testid="evidence-message">
        {message !== null && (
          <>
            <span aria-hidden="true" class="mr-1">
              {message.kind === 'error' ? '!' : '✓'}
            </span>
            {message.text}
            {message.detail !== undefined && message.detail !== null && language === 'en' && (
              <span class="ml-2 text-dns-14N-130 text-solid-gray-700">
                （{message.detail}）
              </span>
            )}
          </>
        )}
      </p>
    </section>
  );
}

// ---- loading and errors ----

export function AssessmentLoading() {
  const { t } = useI18n();
  return (
    <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700" data-testid="assessment-loading">
      {t.identity.loading}
    </p>
  );
}

export function AssessmentError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const shown = describeProblem(t, language, error);
  const message = error.status === 404 ? a.notFound : error.status === 403 ? a.forbidden : shown.message;
  return (
    <div role="alert" data-testid="assessment-error" class="mt-6 max-w-3xl rounded-8 border-2 border-error-1 bg-red-50 p-5">
      <p class="text-std-18B-160 text-error-1">{a.errorHeading}</p>
      <p class="mt-2 text-std-16N-170 text-solid-gray-900">{message}</p>
      {shown.detail !== null && language === 'en' && (
        <p class="mt-2 text-dns-14N-130 text-solid-gray-700">
          {t.identity.serverDetail}: <span data-testid="problem-detail">{shown.detail}</span>
        </p>
      )}
      <div class="mt-4 flex flex-wrap gap-3">
        {onRetry !== undefined && error.status !== 404 && error.status !== 403 && (
          <button type="button" class={buttonClass} onClick={onRetry}>
            {t.catalog.retry}
          </button>
        )}
        <Link href={assessmentPaths.list} class={`inline-flex min-h-11 items-center text-std-16N-170 ${linkClass}`}>
          {a.backToList}
        </Link>
      </div>
    </div>
  );
}

/** The fiscal year's own edition when it is not the one used: [year's edition, edition used], else null. */
export function standInEdition(t: Messages, fiscalYear: number, edition: string): [string, string] | null {
  const editionYear = fiscalYearOfEditionId(edition);
  if (editionYear === null || editionYear >= fiscalYear) return null;
  return [t.catalog.editionName(fiscalYear), t.catalog.editionName(editionYear)];
}

/** 「令和8年度版が未登録のため、令和7年度版で点検しています」 on every page of such a checklist. */
export function EditionNotice({ assessment }: { assessment: Assessment }) {
  const { t } = useI18n();
  const names = standInEdition(t, assessment.fiscal_year, assessment.edition.id);
  if (names === null) return null;
  // The year's edition is loaded after all: offered to this checklist (the move notice says so), or declined.
  if (assessment.newer_edition) return null;
  const kept = (assessment.edition_choices ?? []).some((choice) => choice.choice === 'declined');
  return (
    <p role="note" class="mb-4 rounded-8 border-2 border-blue-900 bg-blue-50 px-4 py-3 text-std-16B-170 text-solid-gray-900" data-testid="edition-notice">
      {kept ? t.editionMove.keptNotice(names[0], names[1]) : t.checklistDocs.editionNotice(names[0], names[1])}
    </p>
  );
}

/** Renders `children(data)` once the assessment is there, under the edition notice when one applies. */
export function WithAssessment({
  resource,
  reload,
  children,
}: {
  resource: Loaded<Assessment>;
  reload: () => void;
  children: (assessment: Assessment) => ComponentChildren;
}) {
  if (resource.state === 'loading') return <AssessmentLoading />;
  if (resource.state === 'error') return <AssessmentError error={resource.error} onRetry={reload} />;
  return (
    <>
      <EditionNotice assessment={resource.data} />
      {children(resource.data)}
    </>
  );
}

export function todayIso(): string {
  return japanToday();
}
