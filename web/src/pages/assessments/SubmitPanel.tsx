// Submitting an assessment (after a confirmation; the rows still to answer are listed with links when the
// server refuses) and reopening a submitted one with a reason.
import { useState } from 'preact/hooks';
import { AssessmentProblem, assessmentApi, type Assessment } from '../../api/assessments';
import { formatJst } from '../../auth/format';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { bigPrimaryButtonClass, buttonClass, ConfirmBox, h2Class, primaryButtonClass, ProblemBox, RequiredMark, SuccessNotice } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { rowName, stepOfItem } from './model';
import { assessmentPaths } from './routes';
import { SubmitSummary } from './SubmitSummary';
import { problemText } from './ui';
import { inputBase } from './fields';

interface Missing {
  key: string;
  href: string;
  label: string;
  message: string;
}

export function SubmitPanel({ assessment, replace }: { assessment: Assessment; replace: (assessment: Assessment) => void }) {
  const { t, language } = useI18n();
  const a = t.assessments.submit;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [missing, setMissing] = useState<Missing[]>([]);
  const [done, setDone] = useState<'submitted' | 'reopened' | null>(null);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const submitted = assessment.status === 'submitted';

  const describeMissing = (fields: Readonly<Record<string, string>>): Missing[] =>
    Object.entries(fields).map(([key, message]) => {
      const [canonicalId = key, rowKey = 'main'] = key.split('/');
      const item = assessment.items.find((candidate) => candidate.canonical_id === canonicalId);
      const row = item?.rows.find((candidate) => candidate.key === rowKey);
      const label =
        item === undefined
          ? assessment.gate?.canonical_id === canonicalId
            ? t.assessments.gateTitle
            : key
          : `${row === undefined ? item.number : rowName(t, language, item, row)} ${item.text_ja}`;
      const why = /reconfirm|再確認/i.test(message) ? a.missingReconfirm : /answer/i.test(message) ? a.missingAnswer : message;
      return { key, href: assessmentPaths.wizard(assessment.id, stepOfItem(assessment, canonicalId)), label, message: why };
    });

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    setMissing([]);
    try {
      const updated = await assessmentApi.submit(assessment.id, assessment.version);
      setConfirming(false);
      setDone('submitted');
      replace(updated);
    } catch (error) {
      setConfirming(false);
      if (error instanceof AssessmentProblem && (error.status === 400 || error.status === 422) && Object.keys(error.fields).some((key) => key.includes('/'))) {
        setMissing(describeMissing(error.fields));
      } else {
        setProblem(error);
      }
    }
    setBusy(false);
  };

  const reopen = async (event: Event) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonError(a.reasonRequired);
      return;
    }
    setReasonError(null);
    setBusy(true);
    setProblem(null);
    try {
      const updated = await assessmentApi.reopen(assessment.id, reason.trim());
      setReopening(false);
      setReason('');
      setDone('reopened');
      replace(updated);
    } catch (error) {
      setProblem(error);
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="submit-heading" class="mt-10 max-w-3xl" data-testid="submit-panel">
      <h2 id="submit-heading" class={h2Class}>
        {a.heading}
      </h2>
      {done === 'submitted' && <SuccessNotice testId="submitted-notice">{a.submittedNotice}</SuccessNotice>}
      {done === 'reopened' && <SuccessNotice testId="reopened-notice">{a.reopenedNotice}</SuccessNotice>}
      {submitted ? (
        <>
          <p class="mt-3 text-std-16N-170" data-testid="submitted-by">
            {a.submittedBy(
              assessment.submitted_at === null ? '—' : formatJst(assessment.submitted_at, language),
              assessment.submitted_by?.name ?? '—',
            )}
          </p>
          {assessment.permissions.reopen && !reopening && (
            <p class="mt-4">
              <button type="button" class={buttonClass} onClick={() => setReopening(true)} data-testid="reopen">
                {a.reopen}
              </button>
            </p>
          )}
          {reopening && (
            <form onSubmit={(event) => void reopen(event)} class="mt-4 rounded-8 border-2 border-solid-gray-536 p-4" data-testid="reopen-form">
              <label for="reopen-reason" class="block text-std-16B-170 text-solid-gray-900">
                {a.reason}
                <RequiredMark />
              </label>
              <p id="reopen-reason-help" class="text-dns-14N-130 text-solid-gray-700">
                {a.reasonHelp}
              </p>
              <textarea
                id="reopen-reason"
                rows={3}
                value={reason}
                maxLength={2000}
                aria-required="true"
                aria-describedby={reasonError === null ? 'reopen-reason-help' : 'reopen-reason-help reopen-reason-error'}
                {...(reasonError === null ? {} : { 'aria-invalid': true })}
                onInput={(event) => setReason((event.currentTarget as HTMLTextAreaElement).value)}
                class={`mt-1 ${inputBase} ${reasonError === null ? 'border-solid-gray-600' : 'border-2 border-error-1'}`}
              />
              {reasonError !== null && (
                <p id="reopen-reason-error" class="mt-1 text-std-16N-170 text-error-1">
                  <span aria-hidden="true">＊</span>
                  {reasonError}
                </p>
              )}
              <div class="mt-3 flex flex-wrap gap-3">
                <button type="submit" class={primaryButtonClass} disabled={busy}>
                  {a.reopenConfirm}
                </button>
                <button type="button" class={buttonClass} onClick={() => setReopening(false)}>
                  {t.identity.cancel}
                </button>
              </div>
            </form>
          )}
        </>
      ) : assessment.permissions.submit ? (
        <>
          <p class="mt-3 text-std-16N-170">{a.lead}</p>
          {!confirming ? (
            <p class="mt-4">
              <button type="button" class={bigPrimaryButtonClass} onClick={() => setConfirming(true)} data-testid="submit">
                {a.submit}
              </button>
            </p>
          ) : (
            <>
            <SubmitSummary assessment={assessment} />
            <ConfirmBox
              class="mt-4 rounded-8 border-2 border-blue-900 bg-blue-50 p-4"
              label={a.submitConfirm}
              testId="submit-confirm"
              message={a.confirmMessage}
              confirmClass={primaryButtonClass}
              onConfirm={() => void submit()}
              onCancel={() => setConfirming(false)}
              busy={busy}
            />
            </>
          )}
        </>
      ) : (
        <p class="mt-3 text-std-16N-170 text-solid-gray-800">{a.cannotSubmit}</p>
      )}
      {missing.length > 0 && (
        <div role="alert" class="mt-4 rounded-8 border-2 border-error-1 bg-red-50 p-4" data-testid="submit-missing">
          <p class="text-std-18B-160 text-error-1">{a.missingHeading(missing.length)}</p>
          <ul class="mt-2 grid gap-1 text-std-16N-170">
            {missing.map((entry) => (
              <li key={entry.key}>
                <Link href={entry.href} class={linkClass}>
                  {entry.label}
                </Link>
                ：{entry.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {problem !== null && <ProblemBox problem={problemText(t, language, problem)} />}
    </section>
  );
}
