// The dialogs of an answer row: the modal frame, the conflict with a change made elsewhere, and the history.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { assessmentApi, type Answer } from '../../api/assessments';
import { ApiError } from '../../api/http';
import { formatJst } from '../../auth/format';
import { useI18n } from '../../i18n';
import { buttonClass, h2Class, ProblemBox } from '../account/ui';
import type { Draft, Loaded, RowSaver } from './hooks';
import { formatDate } from './model';
import { ReconfirmBadge, ValueChip } from './badges';
import { problemText } from './ui';

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
