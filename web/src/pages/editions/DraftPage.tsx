// /catalog/drafts/{id}: one draft of an edition. A form picker, the form's items in printed order with
// their mapping kinds, the selected item's editor and actions, the validation panel, the edition's fields
// and the draft's actions (compare, export, publish, discard). Every write carries the version; on 409
// the page says someone else saved and offers to reload.
import { useEffect, useState } from 'preact/hooks';
import { editionDraftApi, type DraftWithDocument, type Operation } from '../../api/editionDrafts';
import { ApiError } from '../../api/http';
import { useResource } from '../../api/useResource';
import { RequireSession } from '../../auth/RequireSession';
import { useI18n } from '../../i18n';
import { Breadcrumbs, h1Class, h2Class, Loaded } from '../catalog/ui';
import { mayTryEditing, NotEditor } from './access';
import { DraftActions } from './DraftActions';
import { EditionFields } from './EditionFields';
import { ItemActions } from './ItemActions';
import { ItemEditor } from './ItemEditor';
import { ItemList, RemovedList } from './ItemList';
import { pick } from '../catalog/format';
import { mappingFormsFor, type ErrorPlace } from './model';
import { editorPaths } from './routes';
import { ValidationPanel } from './ValidationPanel';
import { ConflictNotice, editionIdName, fieldClass, formatWhen, labelClass, WriteProblem } from './ui';

/** `new-after:X` (just added after X) names the item that follows X. */
function resolveSelection(selection: string | null, ids: string[]): string | null {
  if (selection === null) return ids[0] ?? null;
  if (selection.startsWith('new-after:')) {
    const index = ids.indexOf(selection.slice('new-after:'.length));
    return index >= 0 ? (ids[index + 1] ?? null) : null;
  }
  return ids.includes(selection) ? selection : (ids[0] ?? null);
}

function DraftEditor({ initial, reload }: { initial: DraftWithDocument; reload: () => void }) {
  const { t, language } = useI18n();
  const e = t.editionEditor;
  const [draft, setDraft] = useState(initial);
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [formId, setFormId] = useState(initial.document.edition.forms[0]?.id ?? '');
  const [selection, setSelection] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ target: string; nonce: number } | null>(null);
  // What the last successful write changed ("edition" or an item's canonical id), for the saved notices.
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const readOnly = draft.status !== 'draft' || conflict;
  const document = draft.document;
  const form = document.edition.forms.find((candidate) => candidate.id === formId) ?? document.edition.forms[0];
  const elements = form === undefined ? [] : mappingFormsFor(document, form.id);
  const selected = form === undefined ? null : resolveSelection(selection, form.items.map((item) => item.canonical_id));
  const item = form?.items.find((candidate) => candidate.canonical_id === selected) ?? null;

  useEffect(() => {
    if (focus === null) return;
    const element = window.document.getElementById(focus.target);
    element?.scrollIntoView({ block: 'center' });
    element?.focus();
  }, [focus]);

  const apply = async (operation: Operation): Promise<boolean> => {
    setProblem(null);
    try {
      setDraft(await editionDraftApi.apply(draft.id, draft.version, operation));
      setLastSaved(operation.op === 'set_edition' ? 'edition' : operation.op === 'set_item' ? operation.canonical_id : null);
      // The editors start again from the saved draft; keep the keyboard where it was.
      if (operation.op === 'set_item') setFocus({ target: 'draft-item-save', nonce: Date.now() });
      if (operation.op === 'set_edition') setFocus({ target: 'draft-edition-save', nonce: Date.now() });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(true);
      else setProblem(error instanceof ApiError ? error : new ApiError('invalid', 0, null, null));
      return false;
    }
  };
  const select = (canonicalId: string | null, field = 'heading') => {
    setSelection(canonicalId);
    setFocus({ target: `draft-item-${field}`, nonce: Date.now() });
  };
  const goTo = (place: ErrorPlace) => {
    if (place.kind === 'item') {
      const target = document.edition.forms[place.formIndex];
      if (target === undefined) return;
      setFormId(target.id);
      select(target.items[place.itemIndex]?.canonical_id ?? null, place.field === 'other' ? 'heading' : place.field);
    } else if (place.kind === 'edition') {
      setFocus({ target: place.field === 'other' ? 'draft-edition-heading' : `draft-edition-${place.field}`, nonce: Date.now() });
    } else if (place.kind === 'form') {
      setFormId(document.edition.forms[place.formIndex]?.id ?? formId);
      setFocus({ target: 'draft-form', nonce: Date.now() });
    }
  };

  const based = draft.based_on === null ? e.basedOnNothing : e.basedOn(editionIdName(t, draft.based_on.edition), draft.based_on.revision);
  return (
    <>
      <h1 class={h1Class}>{e.draftHeading(t.catalog.editionName(draft.fiscal_year))}</h1>
      <p class="mt-2 text-std-16N-170 text-solid-gray-800" data-testid="draft-meta">
        {`${based}　${e.status[draft.status]}　${formatWhen(language, draft.updated_at)} `}
        <span lang="ja">{draft.updated_by}</span>
      </p>
      {conflict && <ConflictNotice onReload={reload} />}
      {problem !== null && <WriteProblem error={problem} />}
      {initial.status !== 'draft' && (
        <p role="status" class="mt-4 rounded-8 border-2 border-solid-gray-536 bg-solid-gray-50 p-4 text-std-16N-170" data-testid="draft-closed">
          {draft.status === 'published' ? e.closedPublished : e.closedDiscarded}
        </p>
      )}
      {draft.status === 'draft' && <ValidationPanel validation={draft.validation} document={document} onPick={goTo} />}
      <DraftActions
        draft={draft}
        form={form?.id ?? ''}
        fromForm={elements.length > 1 ? (elements[0]?.from_form ?? null) : null}
        onConflict={() => setConflict(true)}
        onProblem={setProblem}
        onPublishErrors={reload}
        onPublished={(published) => setDraft({ ...draft, ...published, document })}
      />
      {form !== undefined && (
        <section aria-labelledby="draft-items-heading" class="mt-8">
          <h2 id="draft-items-heading" class={h2Class}>{e.itemsHeading}</h2>
          <div class="mt-3 max-w-md">
            <label for="draft-form" class={labelClass}>{e.formPicker}</label>
            <select id="draft-form" class={`mt-1 ${fieldClass}`} value={form.id} onChange={(ev) => { setFormId(ev.currentTarget.value); setSelection(null); }}>
              {document.edition.forms.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>{e.formOption(pick(language, candidate.title_ja, candidate.title_en), candidate.items.length)}</option>
              ))}
            </select>
          </div>
          <div class="mt-4 grid gap-6 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <div>
              <ItemList form={form} elements={elements} selected={selected} onSelect={(id) => select(id)} />
              <RemovedList elements={elements} />
            </div>
            <div class="md:sticky md:top-4 md:self-start" data-testid="item-panel">
              {item === null ? (
                <p class="text-std-16N-170">{e.noItem}</p>
              ) : (
                <>
                  <h3 id="draft-item-heading" tabIndex={-1} class="text-std-20B-150">{e.itemHeading(item.number)}</h3>
                  <div class="mt-3">
                    <ItemEditor key={`${item.canonical_id}-${draft.version}`} item={item} form={form} disabled={readOnly} justSaved={lastSaved === item.canonical_id} onSave={(fields) => apply({ op: 'set_item', form: form.id, canonical_id: item.canonical_id, fields })} />
                  </div>
                  {!readOnly && <ItemActions key={item.canonical_id} item={item} form={form} apply={apply} onSelect={(id) => select(id)} />}
                </>
              )}
            </div>
          </div>
        </section>
      )}
      <EditionFields key={draft.version} edition={document.edition} disabled={readOnly} justSaved={lastSaved === 'edition'} onSave={(fields) => apply({ op: 'set_edition', fields })} />
    </>
  );
}

function DraftLoader({ id }: { id: number }) {
  const [resource, reload] = useResource(`edition-draft-${id}`, (signal) => editionDraftApi.get(id, signal));
  if (resource.state === 'error' && resource.error.status === 403) return <NotEditor />;
  return (
    <Loaded resource={resource} reload={reload}>
      {(data) => <DraftEditor key={`${data.id}-${data.version}`} initial={data} reload={reload} />}
    </Loaded>
  );
}

export function DraftPage({ id }: { id: number }) {
  const { t } = useI18n();
  const e = t.editionEditor;
  return (
    <>
      <Breadcrumbs items={[{ label: t.nav.catalog, href: '/catalog' }, { label: e.listTitle, href: editorPaths.drafts }, { label: e.draftTitle }]} />
      <RequireSession>{(session) => (mayTryEditing(session.user) ? <DraftLoader id={id} /> : <NotEditor />)}</RequireSession>
    </>
  );
}
