// The evidence list of an answer: upload, name, open and remove files.
import { useState } from 'preact/hooks';
import { assessmentApi, evidenceContentUrl, type Answer, type Evidence } from '../../api/assessments';
import { formatJst } from '../../auth/format';
import { isInstitutionUser } from '../../auth/landing';
import { describeProblem } from '../../auth/problems';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { buttonClass, ConfirmBox, dangerButtonClass } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { inputBase } from './fields';

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

  // The preparedness records are an institution's: a vendor answering its own checklist has none to attach.
  const session = useSession();
  const paper = session.status === 'active' && isInstitutionUser(session.user) ? a.paper[canonicalId] : undefined;
  const attachPaper = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const added = await assessmentApi.attachPreparednessPaper(assessmentId, canonicalId, rowKey);
      onChange([...list, added]);
      setMessage({ kind: 'ok', text: a.added(added.file_name ?? '') });
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
      {canAdd && paper !== undefined && (
        <div class="mt-3">
          <button
            type="button"
            class={buttonClass}
            onClick={() => void attachPaper()}
            disabled={busy}
            aria-describedby={`${idPrefix}-paper-help`}
            data-testid="evidence-paper"
          >
            {paper}
          </button>
          <p id={`${idPrefix}-paper-help`} class="mt-1 text-dns-14N-130 text-solid-gray-700">
            {a.paperHelp}
          </p>
        </div>
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
