// /catalog/drafts/{id}/compare?form=&from_form=: the draft beside the edition it is based on, with the
// catalog's own comparison view (pages/catalog/Compare.tsx) fed from /drafts/{id}/compare.
import type { EditionSummary } from '../../api/catalog';
import { editionDraftApi, type DraftWithDocument } from '../../api/editionDrafts';
import { useResource } from '../../api/useResource';
import { RequireSession } from '../../auth/RequireSession';
import { useI18n } from '../../i18n';
import { Link, navigate, useSearch } from '../../router';
import { CompareBody } from '../catalog/Compare';
import { Breadcrumbs, h1Class, linkClass, Loaded } from '../catalog/ui';
import { mayTryEditing, NotEditor } from './access';
import { pick } from '../catalog/format';
import { mappingFormsFor } from './model';
import { editorPaths } from './routes';
import { fieldClass, formName, labelClass, TechnicalDetails } from './ui';

function Comparison({ draft, form, fromForm }: { draft: DraftWithDocument; form: string; fromForm: string | null }) {
  const { t } = useI18n();
  const [resource, reload] = useResource(`draft-compare-${draft.id}-${form}-${fromForm ?? ''}`, (signal) => editionDraftApi.compare(draft.id, form, fromForm, signal));
  if (resource.state === 'error' && resource.error.status === 422)
    return (
      <div role="alert" class="mt-6 rounded-8 border-2 border-red-900 bg-red-50 p-4" data-testid="compare-broken">
        <p class="text-std-16N-170">{t.editionEditor.compareBroken}</p>
        {resource.error.detail !== null && <TechnicalDetails text={resource.error.detail} />}
      </div>
    );
  // The comparison names the form from the editions it is given: here, the draft's own forms.
  const edition: EditionSummary = {
    id: draft.edition_id,
    revision: 0,
    fiscal_year: draft.fiscal_year,
    fiscal_year_ja: '',
    published: '',
    published_precision: 'unknown',
    title_ja: draft.title_ja,
    title_en: '',
    forms: draft.document.edition.forms.map((candidate) => ({ id: candidate.id, title_ja: candidate.title_ja, title_en: candidate.title_en, item_count: candidate.items.length })),
  };
  return <Loaded resource={resource} reload={reload}>{(data) => <CompareBody data={data} editions={[{ ...edition, id: data.to.id }]} />}</Loaded>;
}

function CompareView({ draft }: { draft: DraftWithDocument }) {
  const { t, language } = useI18n();
  const e = t.editionEditor;
  const params = new URLSearchParams(useSearch());
  const forms = draft.document.edition.forms;
  const form = forms.find((candidate) => candidate.id === params.get('form')) ?? forms[0];
  if (form === undefined) return null;
  const elements = mappingFormsFor(draft.document, form.id);
  const fromForms = elements.map((element) => element.from_form ?? element.form);
  const requested = params.get('from_form');
  const fromForm = fromForms.length > 1 ? (fromForms.find((candidate) => candidate === requested) ?? fromForms[0] ?? null) : null;
  const go = (nextForm: string, nextFrom: string | null) => navigate(editorPaths.compare(draft.id, nextForm, nextFrom));
  return (
    <>
      <h1 class={h1Class}>{e.compareHeading(t.catalog.editionName(draft.fiscal_year))}</h1>
      <p class="mt-3">
        <Link href={editorPaths.draft(draft.id)} class={`text-std-16N-170 ${linkClass}`}>{e.backToDraft}</Link>
      </p>
      <div class="mt-4 grid max-w-3xl gap-4 sm:grid-cols-2">
        <div>
          <label for="draft-compare-form" class={labelClass}>{e.formPicker}</label>
          <select id="draft-compare-form" class={`mt-1 ${fieldClass}`} value={form.id} onChange={(ev) => go(ev.currentTarget.value, null)}>
            {forms.map((candidate) => <option key={candidate.id} value={candidate.id}>{pick(language, candidate.title_ja, candidate.title_en)}</option>)}
          </select>
        </div>
        {fromForms.length > 1 && (
          <div>
            <label for="draft-compare-from-form" class={labelClass}>{e.compareFromForm}</label>
            <select id="draft-compare-from-form" class={`mt-1 ${fieldClass}`} value={fromForm ?? ''} onChange={(ev) => go(form.id, ev.currentTarget.value)}>
              {fromForms.map((candidate) => <option key={candidate} value={candidate}>{formName(t, candidate)}</option>)}
            </select>
          </div>
        )}
      </div>
      <Comparison key={`${form.id}-${fromForm ?? ''}`} draft={draft} form={form.id} fromForm={fromForm} />
    </>
  );
}

function Loader({ id }: { id: number }) {
  const [resource, reload] = useResource(`edition-draft-${id}`, (signal) => editionDraftApi.get(id, signal));
  if (resource.state === 'error' && resource.error.status === 403) return <NotEditor />;
  return <Loaded resource={resource} reload={reload}>{(draft) => <CompareView draft={draft} />}</Loaded>;
}

export function DraftComparePage({ id }: { id: number }) {
  const { t } = useI18n();
  const e = t.editionEditor;
  return (
    <>
      <Breadcrumbs items={[{ label: t.nav.catalog, href: '/catalog' }, { label: e.listTitle, href: editorPaths.drafts }, { label: e.draftTitle, href: editorPaths.draft(id) }, { label: e.compareTitle }]} />
      <RequireSession>{(session) => (mayTryEditing(session.user) ? <Loader id={id} /> : <NotEditor />)}</RequireSession>
    </>
  );
}
