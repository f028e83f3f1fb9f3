// /catalog/drafts (版の編集): the drafts of new editions and corrected revisions, and the ways to start
// one (from an edition, or from a JSON file). Editors only; anyone else gets a plain refusal.
import { editionDraftApi, type Draft, type DraftList } from '../../api/editionDrafts';
import { useResource } from '../../api/useResource';
import { RequireSession } from '../../auth/RequireSession';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { Breadcrumbs, h1Class, h2Class, linkClass, Loaded } from '../catalog/ui';
import { mayTryEditing, NotEditor } from './access';
import { ImportDraftForm } from './ImportDraftForm';
import { NewDraftForm } from './NewDraftForm';
import { editorPaths } from './routes';
import { editionIdName, fiscalYearName, formatWhen } from './ui';

const cell = 'px-2 py-1 align-top md:table-cell md:px-3 md:py-3';

function DraftRow({ draft }: { draft: Draft }) {
  const { t, language } = useI18n();
  const e = t.editionEditor;
  const based = draft.based_on === null ? e.basedOnNothing : e.basedOn(editionIdName(t, draft.based_on.edition), draft.based_on.revision);
  return (
    <tr class="block border-b border-solid-gray-200 py-2 md:table-row md:py-0" data-testid="draft-row" data-status={draft.status}>
      <th scope="row" class={`block text-left font-normal ${cell}`}>
        <Link href={editorPaths.draft(draft.id)} class={`text-std-16B-170 ${linkClass}`}>
          {draft.title_ja === '' ? t.catalog.editionName(draft.fiscal_year) : <span lang="ja">{draft.title_ja}</span>}
        </Link>
      </th>
      <td class={`block whitespace-nowrap ${cell}`}>
        <span class="md:sr-only">{e.columnYear}: </span>
        {fiscalYearName(t, draft.fiscal_year)}
      </td>
      <td class={`block ${cell}`}>{based}</td>
      <td class={`block whitespace-nowrap ${cell}`}>
        <span class="md:sr-only">{e.columnStatus}: </span>
        <span data-testid="draft-status">{e.status[draft.status]}</span>
      </td>
      <td class={`block ${cell}`}>
        <span class="md:sr-only">{e.columnUpdated}: </span>
        {`${formatWhen(language, draft.updated_at)} `}
        <span lang="ja">{draft.updated_by}</span>
      </td>
    </tr>
  );
}

function DraftTable({ drafts }: { drafts: Draft[] }) {
  const { t } = useI18n();
  const e = t.editionEditor;
  if (drafts.length === 0) return <p class="mt-4 text-std-16N-170" data-testid="drafts-empty">{e.noDrafts}</p>;
  return (
    <table class="mt-4 block w-full border-collapse text-left text-std-16N-170 md:table" data-testid="drafts-table">
      <caption class="sr-only">{e.listHeading}</caption>
      <thead class="sr-only md:not-sr-only md:table-header-group">
        <tr class="border-b-2 border-solid-gray-800 text-std-16B-170">
          <th scope="col" class="px-3 py-2">{e.columnEdition}</th>
          <th scope="col" class="px-3 py-2">{e.columnYear}</th>
          <th scope="col" class="px-3 py-2">{e.columnBasedOn}</th>
          <th scope="col" class="px-3 py-2">{e.columnStatus}</th>
          <th scope="col" class="px-3 py-2">{e.columnUpdated}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {drafts.map((draft) => (
          <DraftRow key={draft.id} draft={draft} />
        ))}
      </tbody>
    </table>
  );
}

function DraftsBody({ data }: { data: DraftList }) {
  const { t } = useI18n();
  const e = t.editionEditor;
  if (!data.may_edit) return <NotEditor />;
  const open = data.drafts.filter((draft) => draft.status === 'draft');
  const closed = data.drafts.filter((draft) => draft.status !== 'draft');
  return (
    <>
      <section aria-labelledby="drafts-open" class="mt-8">
        <h2 id="drafts-open" class={h2Class}>{e.listHeading}</h2>
        <DraftTable drafts={open} />
      </section>
      <section aria-labelledby="drafts-new" class="mt-10 max-w-3xl">
        <h2 id="drafts-new" class={h2Class}>{e.newHeading}</h2>
        <NewDraftForm editions={data.editable_editions} />
      </section>
      <section aria-labelledby="drafts-import" class="mt-10 max-w-3xl">
        <h2 id="drafts-import" class={h2Class}>{e.importHeading}</h2>
        <ImportDraftForm />
      </section>
      {closed.length > 0 && (
        <section aria-labelledby="drafts-closed" class="mt-10">
          <h2 id="drafts-closed" class={h2Class}>{e.closedHeading}</h2>
          <DraftTable drafts={closed} />
        </section>
      )}
    </>
  );
}

function EditorList() {
  const [list, reload] = useResource('edition-drafts', (signal) => editionDraftApi.list(signal));
  if (list.state === 'error' && list.error.status === 403) return <NotEditor />;
  return (
    <Loaded resource={list} reload={reload}>
      {(data) => <DraftsBody data={data} />}
    </Loaded>
  );
}

export function DraftsPage() {
  const { t } = useI18n();
  const e = t.editionEditor;
  return (
    <>
      <Breadcrumbs items={[{ label: t.nav.catalog, href: '/catalog' }, { label: e.listTitle }]} />
      <h1 class={h1Class}>{e.listTitle}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175">{e.listLead}</p>
      <RequireSession>{(session) => (mayTryEditing(session.user) ? <EditorList /> : <NotEditor />)}</RequireSession>
    </>
  );
}
