// What is done to the draft as a whole: compare it with the previous edition, export it as JSON, publish it
// (after a confirmation that says what publishing means) or discard it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { draftPaths, editionDraftApi, type Draft, type DraftWithDocument, type Published } from '../../api/editionDrafts';
import { ApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { buttonClass, primaryButtonClass } from '../catalog/ui';
import { editorPaths } from './routes';
import { dangerOutlineClass, nothingToPublish } from './ui';

/** A modal confirmation (native <dialog>: focus stays inside, Escape cancels). */
function ConfirmDialog({ id, heading, body, confirm, danger, busy, onConfirm, onClose }: {
  id: string;
  heading: string;
  body: string[];
  confirm: string;
  danger?: boolean;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} aria-labelledby={`${id}-heading`} class="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-8 border-2 border-solid-gray-800 p-5 backdrop:bg-black/50" data-testid={id} onClose={onClose}>
      <h2 id={`${id}-heading`} class="text-std-20B-150">{heading}</h2>
      {body.map((line) => (
        <p key={line} class="mt-3 text-std-16N-170">{line}</p>
      ))}
      <div class="mt-5 flex flex-wrap gap-3">
        <button type="button" class={danger === true ? dangerOutlineClass : primaryButtonClass} disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" class={buttonClass} onClick={() => dialog.current?.close()}>
          {t.identity.cancel}
        </button>
      </div>
    </dialog>
  );
}

export function DraftActions({ draft, form, fromForm, onConflict, onProblem, onPublishErrors, onPublished }: {
  draft: DraftWithDocument;
  form: string;
  fromForm: string | null;
  onConflict: () => void;
  onProblem: (error: ApiError) => void;
  onPublishErrors: () => void;
  onPublished: (draft: Draft) => void;
}) {
  const { t } = useI18n();
  const e = t.editionEditor;
  const [open, setOpen] = useState<'none' | 'publish' | 'discard'>('none');
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState<Published | null>(null);
  const editable = draft.status === 'draft';

  const failed = (error: unknown) => {
    setBusy(false);
    setOpen('none');
    if (error instanceof ApiError && error.status === 409 && !nothingToPublish(error)) onConflict();
    else if (error instanceof ApiError && error.status === 422) onPublishErrors();
    else onProblem(error instanceof ApiError ? error : new ApiError('invalid', 0, null, null));
  };
  const publish = async () => {
    setBusy(true);
    try {
      const answer = await editionDraftApi.publish(draft.id, draft.version);
      setPublished(answer);
      setBusy(false);
      setOpen('none');
      onPublished(answer.draft);
    } catch (error) {
      failed(error);
    }
  };
  const discard = async () => {
    setBusy(true);
    try {
      await editionDraftApi.discard(draft.id);
      navigate(editorPaths.drafts);
    } catch (error) {
      failed(error);
    }
  };

  if (published !== null)
    return (
      <div role="status" class="mt-6 rounded-8 border-2 border-success-2 bg-green-50 p-4" data-testid="published">
        <p class="text-std-18B-160">{e.publishedHeading(t.catalog.editionName(draft.fiscal_year), published.revision)}</p>
        <p class="mt-1 text-std-16N-170">{e.publishedBody}</p>
        <p class="mt-3 flex flex-wrap gap-4">
          <Link href="/catalog" class="text-std-16N-170 text-blue-1000 underline underline-offset-2">{t.catalog.backToCatalog}</Link>
          <Link href={editorPaths.drafts} class="text-std-16N-170 text-blue-1000 underline underline-offset-2">{e.backToDrafts}</Link>
        </p>
      </div>
    );

  return (
    <div class="mt-6 flex flex-wrap gap-3" data-testid="draft-actions">
      <Link href={editorPaths.compare(draft.id, form, fromForm)} class={buttonClass}>{e.compare}</Link>
      <a href={draftPaths.export(draft.id)} download class={buttonClass} data-testid="export-draft">{e.export}</a>
      {editable && (
        <>
          <button type="button" class={primaryButtonClass} onClick={() => setOpen('publish')} data-testid="publish-draft">{e.publish}</button>
          <button type="button" class={dangerOutlineClass} onClick={() => setOpen('discard')}>{e.discard}</button>
        </>
      )}
      {open === 'publish' && (
        <ConfirmDialog
          id="publish-dialog"
          heading={e.publishHeading(t.catalog.editionName(draft.fiscal_year))}
          body={[e.publishBody1, e.publishBody2]}
          confirm={e.publishConfirm}
          busy={busy}
          onConfirm={() => void publish()}
          onClose={() => setOpen('none')}
        />
      )}
      {open === 'discard' && (
        <ConfirmDialog
          id="discard-dialog"
          heading={e.discardHeading}
          body={[e.discardBody]}
          confirm={e.discardConfirm}
          danger
          busy={busy}
          onConfirm={() => void discard()}
          onClose={() => setOpen('none')}
        />
      )}
    </div>
  );
}
