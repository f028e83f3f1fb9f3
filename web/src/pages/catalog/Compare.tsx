import { useState } from 'preact/hooks';
import {
  fetchCompare,
  type CompareEdition,
  type CompareEntry,
  type CompareResponse,
  type CompareStatus,
  type EditionSummary,
  type Item,
} from '../../api/catalog';
import { ApiError } from '../../api/http';
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { Link, navigate, useSearch } from '../../router';
import { useEditions } from './data';
import { formTitle } from './FormPage';
import { pick } from './format';
import { RowTargets } from './ItemEntry';
import { catalogPaths } from './routes';
import { Breadcrumbs, ConfidenceBadge, ErrorMessage, h1Class, h2Class, linkClass, Loaded, Loading, primaryButtonClass } from './ui';

const statusOrder: readonly CompareStatus[] = ['added', 'changed', 'unchanged', 'removed'];

// Status is shown by a word and a symbol as well as by colour (DADS: green for added, yellow for
// changed, grey for unchanged, red for removed).
const statusStyle: Record<CompareStatus, { row: string; badge: string; mark: string; box: string }> = {
  added: {
    row: 'bg-green-50 border-l-8 border-l-green-800',
    badge: 'bg-green-800 text-white border-green-800',
    mark: '+',
    box: 'border-green-800 bg-green-50',
  },
  changed: {
    row: 'bg-yellow-50 border-l-8 border-l-yellow-700',
    badge: 'bg-yellow-300 text-solid-gray-900 border-yellow-900',
    mark: '±',
    box: 'border-yellow-900 bg-yellow-50',
  },
  unchanged: {
    row: 'bg-white border-l-8 border-l-solid-gray-200 text-solid-gray-700',
    badge: 'bg-white text-solid-gray-700 border-solid-gray-536',
    mark: '=',
    box: 'border-solid-gray-536 bg-white',
  },
  removed: {
    row: 'bg-red-50 border-l-8 border-l-red-900',
    badge: 'bg-red-900 text-white border-red-900',
    mark: '−',
    box: 'border-red-900 bg-red-50',
  },
};

function StatusBadge({ status }: { status: CompareStatus }) {
  const { t } = useI18n();
  return (
    <span
      class={`inline-flex items-center gap-1 whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-16B-120 ${statusStyle[status].badge}`}
      data-testid="status-badge"
      data-status={status}
    >
      <span aria-hidden="true">{statusStyle[status].mark}</span>
      {status === 'unchanged' ? t.checklistDocs.sameContent : t.catalog.status[status]}
    </span>
  );
}

interface Selection {
  from: string;
  to: string;
  form: string;
  /** The earlier edition's form when it differs (a merged later form); '' when it is `form`. */
  fromForm: string;
}

function readSelection(search: string, editions: EditionSummary[]): Selection {
  const params = new URLSearchParams(search);
  // Defaults: the newest edition against the one before it, medical form.
  const [newest, previous] = editions;
  return {
    from: params.get('from') ?? previous?.id ?? newest?.id ?? '',
    to: params.get('to') ?? newest?.id ?? '',
    form: params.get('form') ?? 'medical',
    fromForm: params.get('from_form') ?? '',
  };
}

/** The earlier edition's form to compare with: `form` itself when the earlier edition has it, else the
 * chosen one, else its first institution form (a merged form maps from each of them). */
function earlierForm(from: EditionSummary | undefined, form: string, chosen: string): string {
  if (from === undefined || from.forms.some((f) => f.id === form)) return form;
  if (from.forms.some((f) => f.id === chosen)) return chosen;
  return from.forms.find((f) => f.id !== 'vendor')?.id ?? '';
}

/** One labelled choice of the comparison form; options are [value, label] pairs. */
function CompareSelect({ id, label, value, options, onChange }: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange: (value: string) => void;
}) {
  return (
    <div class="grid gap-1">
      <label for={id} class="block text-dns-16B-120 text-solid-gray-900">
        {label}
      </label>
      <select
        id={id}
        class="min-h-11 w-full rounded-8 border border-solid-gray-600 bg-white px-3 text-std-16N-170 text-solid-gray-900"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Selectors({ editions, selection }: { editions: EditionSummary[]; selection: Selection }) {
  const { t, language } = useI18n();
  // Keyed by the selection (see Compare), so a new address (back button, links) resets the draft.
  const [draft, setDraft] = useState(selection);
  const forms = new Map<string, string>();
  for (const edition of editions)
    for (const form of edition.forms) if (!forms.has(form.id)) forms.set(form.id, pick(language, form.title_ja, form.title_en));

  const fromEdition = editions.find((edition) => edition.id === draft.from);
  const fromForm = earlierForm(fromEdition, draft.form, draft.fromForm);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    navigate(catalogPaths.compare(draft.from, draft.to, draft.form, fromForm));
  };
  const editionOptions = editions.map((edition): [string, string] => [edition.id, t.catalog.editionName(edition.fiscal_year)]);
  const fromFormOptions = (fromEdition?.forms ?? []).map((f): [string, string] => [f.id, pick(language, f.title_ja, f.title_en)]);
  return (
    <form onSubmit={onSubmit} class={`mt-6 grid items-end gap-4 rounded-8 bg-solid-gray-50 p-4 sm:grid-cols-2 ${fromForm !== draft.form && fromForm !== '' ? 'md:grid-cols-[1fr_1fr_1fr_1fr_auto]' : 'md:grid-cols-[1fr_1fr_1fr_auto]'} md:p-5 print:hidden`} data-testid="compare-form">
      <CompareSelect id="compare-from" label={t.catalog.compareFrom} value={draft.from} options={editionOptions} onChange={(from) => setDraft({ ...draft, from })} />
      <CompareSelect id="compare-to" label={t.catalog.compareTo} value={draft.to} options={editionOptions} onChange={(to) => setDraft({ ...draft, to })} />
      <CompareSelect id="compare-form" label={t.catalog.compareForm} value={draft.form} options={[...forms.entries()]} onChange={(form) => setDraft({ ...draft, form })} />
      {fromForm !== draft.form && fromForm !== '' && (
        <CompareSelect id="compare-from-form" label={t.catalog.compareFromForm} value={fromForm} options={fromFormOptions} onChange={(chosen) => setDraft({ ...draft, fromForm: chosen })} />
      )}
      <button type="submit" class={primaryButtonClass}>
        {t.catalog.compareSubmit}
      </button>
    </form>
  );
}

function ItemCell({ items, edition, form }: { items: Item[]; edition: CompareEdition; form: string }) {
  const { t, language } = useI18n();
  const editionName = t.catalog.editionName(edition.fiscal_year);
  if (items.length === 0)
    return <p class="text-std-16N-170 text-solid-gray-700">{t.catalog.notInEdition(editionName)}</p>;
  return (
    <div class="grid gap-3">
      {items.map((item) => (
        <div key={`${item.canonical_id}-${item.number}`} class="grid gap-1" data-number={item.number}>
          <p class="flex flex-wrap items-baseline gap-x-2">
            <Link href={`${catalogPaths.form(edition.id, form)}#item-${item.canonical_id}`} class={`text-std-18B-160 ${linkClass}`}>
              {item.number}
            </Link>
            {item.unconfirmed && <ConfidenceBadge confidence="I" />}
          </p>
          <p class="text-std-16N-170 text-solid-gray-900" lang="ja">
            {item.text_ja}
          </p>
          {language === 'en' && (
            <p class="text-std-16N-170 text-solid-gray-800" lang="en">
              {item.text_en}
            </p>
          )}
          <RowTargets rows={item.rows} compact unconfirmedItem={item.unconfirmed} />
        </div>
      ))}
    </div>
  );
}

function EntryRow({ entry, data }: { entry: CompareEntry; data: CompareResponse }) {
  const { t } = useI18n();
  const canonicalId = entry.to_item?.canonical_id ?? entry.from_items[0]?.canonical_id ?? '';
  const style = statusStyle[entry.status];
  // Only structural kinds get their own label; the status already says new, unchanged or removed.
  const showKind = entry.kind === 'reworded' || entry.kind === 'merged' || entry.kind === 'split';
  const changeNames = entry.changes
    .map((change) => (change in t.catalog.changes ? t.catalog.changes[change as keyof typeof t.catalog.changes] : change))
    .join(t.catalog.listSeparator);
  const fromLabel = t.catalog.editionName(data.from.fiscal_year);
  const toLabel = t.catalog.editionName(data.to.fiscal_year);
  const cell = 'px-3 py-4 align-top max-md:block max-md:px-0 max-md:py-2';
  return (
    <tr
      class={`break-inside-avoid border-b border-solid-gray-200 ${style.row} max-md:block max-md:px-3 max-md:py-2`}
      data-testid="compare-row"
      data-status={entry.status}
      data-kind={entry.kind}
      data-canonical-id={canonicalId}
    >
      <th scope="row" class={`${cell} text-left font-normal`}>
        <div class="flex flex-wrap items-center gap-2">
          <StatusBadge status={entry.status} />
          {showKind && (
            <span class="rounded-4 border border-blue-900 bg-white px-2 py-0.5 text-dns-16B-120 text-blue-1000" data-testid="kind-badge" data-kind={entry.kind}>
              {t.catalog.kind[entry.kind]}
            </span>
          )}
        </div>
        <p class="mt-2 text-dns-14N-130">
          <Link href={catalogPaths.item(canonicalId)} class={linkClass}>
            {canonicalId}
          </Link>
        </p>
        {entry.changes.length > 0 && (
          <p class="mt-1 text-dns-14N-130 text-solid-gray-800" data-testid="changes">
            {entry.status === 'unchanged' ? t.checklistDocs.onlyRenumbered(changeNames) : `${t.catalog.changesLabel}: ${changeNames}`}
          </p>
        )}
        {showKind && t.catalog.kindHelp[entry.kind] !== '' && (
          <p class="mt-1 text-dns-14N-130 text-solid-gray-800">{t.catalog.kindHelp[entry.kind]}</p>
        )}
      </th>
      <td class={cell}>
        <span class="mb-1 block text-dns-14B-120 text-solid-gray-700 md:hidden">{fromLabel}</span>
        <ItemCell items={entry.from_items} edition={data.from} form={data.from_form ?? data.form} />
      </td>
      <td class={cell}>
        <span class="mb-1 block text-dns-14B-120 text-solid-gray-700 md:hidden">{toLabel}</span>
        <ItemCell items={entry.to_item === null ? [] : [entry.to_item]} edition={data.to} form={data.form} />
      </td>
    </tr>
  );
}

export function CompareBody({ data, editions }: { data: CompareResponse; editions: EditionSummary[] }) {
  const { t, language } = useI18n();
  const [hideUnchanged, setHideUnchanged] = useState(false);
  const fromFormSummary =
    data.from_form !== undefined && data.from_form !== data.form ? editions.find((e) => e.id === data.from.id)?.forms.find((f) => f.id === data.from_form) : undefined;
  const fromEditionLabel = t.catalog.editionName(data.from.fiscal_year);
  const fromLabel = fromFormSummary === undefined ? fromEditionLabel : t.catalog.editionAndForm(fromEditionLabel, pick(language, fromFormSummary.title_ja, fromFormSummary.title_en));
  const toLabel = t.catalog.editionName(data.to.fiscal_year);
  const formSummary = editions.find((e) => e.id === data.to.id)?.forms.find((f) => f.id === data.form);
  const formLabel = formSummary === undefined ? formTitle(t, data.form) : pick(language, formSummary.title_ja, formSummary.title_en);
  const shown = hideUnchanged ? data.entries.filter((entry) => entry.status !== 'unchanged') : data.entries;
  const hidden = data.entries.length - shown.length;
  return (
    <>
      <h2 class={`${h2Class} mt-8`} id="compare-summary">
        {t.catalog.compareHeadingFor(fromLabel, toLabel, formLabel)}
      </h2>
      <section aria-labelledby="compare-summary-label" class="mt-4">
        <h3 id="compare-summary-label" class="sr-only">
          {t.catalog.compareSummary}
        </h3>
        <dl class="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="compare-summary">
          {statusOrder.map((status) => (
            <div key={status} class={`rounded-8 border-2 p-3 ${statusStyle[status].box}`} data-status={status}>
              <dt>
                <StatusBadge status={status} />
              </dt>
              <dd class="mt-2 text-std-28B-150 text-solid-gray-900" data-testid="summary-count">
                {data.summary[status] ?? 0}
                <span class="ml-1 text-std-16N-170 text-solid-gray-700">{t.catalog.itemUnit(data.summary[status] ?? 0)}</span>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <div class="mt-6 flex flex-wrap items-center gap-x-6 gap-y-2 print:hidden">
        <label class="flex min-h-11 cursor-pointer items-center gap-2 text-std-16N-170">
          <input
            type="checkbox"
            class="size-5 accent-blue-900"
            checked={hideUnchanged}
            onChange={(e) => setHideUnchanged(e.currentTarget.checked)}
            data-testid="hide-unchanged"
          />
          {t.catalog.hideUnchanged}
        </label>
        {hidden > 0 && (
          <p role="status" class="text-std-16N-170 text-solid-gray-700">
            {t.catalog.hiddenUnchanged(hidden)}
          </p>
        )}
      </div>

      {shown.length === 0 ? (
        <p class="mt-6 text-std-16N-170">{t.catalog.compareEmpty}</p>
      ) : (
        <table class="mt-4 w-full table-fixed border-collapse text-left max-md:block" data-testid="compare-table">
          <caption class="sr-only">{t.catalog.compareHeadingFor(fromLabel, toLabel, formLabel)}</caption>
          <thead class="max-md:sr-only">
            <tr class="border-b-2 border-solid-gray-800 text-std-16B-170 text-solid-gray-900">
              <th scope="col" class="w-40 px-3 py-2 lg:w-56">
                {t.catalog.compareStatusColumn}
              </th>
              <th scope="col" class="px-3 py-2">
                {fromLabel}
              </th>
              <th scope="col" class="px-3 py-2">
                {toLabel}
              </th>
            </tr>
          </thead>
          <tbody class="max-md:block">
            {shown.map((entry, index) => (
              <EntryRow key={`${entry.status}-${entry.to_item?.number ?? ''}-${index}`} entry={entry} data={data} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function CompareResult({ selection, editions }: { selection: Selection; editions: EditionSummary[] }) {
  const { t } = useI18n();
  const from = editions.find((edition) => edition.id === selection.from);
  const to = editions.find((edition) => edition.id === selection.to);
  // Ask the server only for a comparison that can exist; unknown ids still go to the server so that
  // its problem detail is shown.
  const orderError = from !== undefined && to !== undefined && from.fiscal_year >= to.fiscal_year;
  const fromForm = earlierForm(from, selection.form, selection.fromForm);
  const formMissing =
    from !== undefined &&
    to !== undefined &&
    (!from.forms.some((f) => f.id === fromForm) || !to.forms.some((f) => f.id === selection.form));
  const key = `${selection.from}:${selection.to}:${selection.form}:${fromForm}`;
  const [resource, reload] = useResource(key, (signal) =>
    orderError || formMissing
      ? Promise.reject(new ApiError('http', 400, 'invalid_input', null))
      : fetchCompare(selection.from, selection.to, selection.form, fromForm, signal),
  );
  if (orderError || formMissing)
    return (
      <p role="alert" class="mt-6 max-w-3xl rounded-8 border-2 border-red-900 bg-red-50 p-4 text-std-16N-170" data-testid="compare-invalid">
        {orderError ? t.catalog.compareOrderError : t.catalog.compareNoForm}
      </p>
    );
  return (
    <Loaded resource={resource} reload={reload}>
      {(data) => <CompareBody data={data} editions={editions} />}
    </Loaded>
  );
}

function CompareView({ editions, selection }: { editions: EditionSummary[]; selection: Selection }) {
  const key = `${selection.from}:${selection.to}:${selection.form}:${selection.fromForm}`;
  return (
    <>
      <Selectors key={key} editions={editions} selection={selection} />
      <CompareResult selection={selection} editions={editions} />
    </>
  );
}

export function Compare() {
  const { t } = useI18n();
  const search = useSearch();
  const [editions, reload] = useEditions();
  return (
    <>
      <Breadcrumbs items={[{ label: t.nav.catalog, href: catalogPaths.index }, { label: t.catalog.compareTitle }]} />
      <h1 class={h1Class}>{t.catalog.compareTitle}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175">{t.catalog.compareLead}</p>
      {editions.state === 'loading' && <Loading />}
      {editions.state === 'error' && <ErrorMessage error={editions.error} onRetry={reload} />}
      {editions.state === 'ready' && (
        <CompareView editions={editions.data} selection={readSelection(search, editions.data)} />
      )}
    </>
  );
}
