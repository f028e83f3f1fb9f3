// Status marks that never rely on colour alone (status, answer value, 要再確認, 新規, 期限超過), the progress bar
// and the answer counts.
import { useId } from 'preact/hooks';
import type { Answer, AnswerValue, AssessmentStatus, Progress } from '../../api/assessments';
import { useI18n } from '../../i18n';
import { valueLabel } from './model';

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
