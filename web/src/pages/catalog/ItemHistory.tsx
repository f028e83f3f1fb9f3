import { fetchItem, isGate, type ItemHistoryEntry, type ItemResponse } from '../../api/catalog';
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { useEditions } from './data';
import { formTitle } from './FormPage';
import { GuidelineChanges } from './GuidelineChanges';
import { pick } from './format';
import { RowTargets } from './ItemEntry';
import { catalogPaths } from './routes';
import { Breadcrumbs, ConfidenceBadge, h1Class, h2Class, linkClass, Loaded } from './ui';

function HistoryTable({ form, entries }: { form: string; entries: ItemHistoryEntry[] }) {
  const { t, language } = useI18n();
  const [editions] = useEditions();
  const title =
    (editions.state === 'ready'
      ? editions.data.flatMap((e) => e.forms).find((f) => f.id === form)
      : undefined) ?? null;
  const heading = title === null ? formTitle(t, form) : pick(language, title.title_ja, title.title_en);
  const id = `history-${form}`;
  return (
    <section aria-labelledby={id} class="mt-10" data-testid="history-form" data-form={form}>
      <h2 id={id} class={h2Class}>
        {heading}
      </h2>
      <div class="mt-3 overflow-x-auto">
        <table class="w-full border-collapse text-left text-std-16N-170 max-md:block">
          <thead class="max-md:sr-only">
            <tr class="border-b-2 border-solid-gray-800">
              <th scope="col" class="w-36 px-2 py-2 align-bottom">{t.catalog.historyEdition}</th>
              <th scope="col" class="w-20 px-2 py-2 align-bottom">{t.catalog.historyNumber}</th>
              <th scope="col" class="px-2 py-2 align-bottom">{t.catalog.historyText}</th>
              <th scope="col" class="w-80 px-2 py-2 align-bottom">{t.catalog.historyTarget}</th>
              <th scope="col" class="w-32 px-2 py-2 align-bottom">{t.catalog.historyConfidence}</th>
            </tr>
          </thead>
          <tbody class="max-md:block">
            {entries.map((entry) => {
              const item = entry.item;
              const gate = isGate(item);
              const anchor = gate ? '' : `#item-${item.canonical_id}`;
              return (
                <tr
                  key={entry.edition}
                  class="border-b border-solid-gray-200 align-top max-md:block max-md:py-3"
                  data-testid="history-row"
                  data-edition={entry.edition}
                >
                  <th scope="row" class="px-2 py-3 font-bold max-md:block max-md:p-0">
                    <Link href={`${catalogPaths.form(entry.edition, entry.form)}${anchor}`} class={linkClass}>
                      {t.catalog.editionName(entry.fiscal_year)}
                    </Link>
                  </th>
                  <td class="px-2 py-3 text-std-18B-160 text-blue-1000 max-md:block max-md:p-0">
                    <span class="sr-only md:hidden">{t.catalog.historyNumber}: </span>
                    {gate ? t.catalog.gateHeading : item.number}
                  </td>
                  <td class="px-2 py-3 max-md:block max-md:p-0">
                    <span lang="ja">{gate ? item.question_ja : item.text_ja}</span>
                    {language === 'en' && (
                      <span lang="en" class="mt-1 block text-solid-gray-800">
                        {gate ? item.question_en : item.text_en}
                      </span>
                    )}
                  </td>
                  <td class="px-2 py-3 max-md:block max-md:px-0 max-md:pb-0 max-md:pt-2">
                    {gate ? (
                      <span class="text-dns-16N-130">{pick(language, item.effect_ja, item.effect_en)}</span>
                    ) : (
                      <RowTargets rows={item.rows} compact unconfirmedItem={item.unconfirmed} />
                    )}
                  </td>
                  <td class="px-2 py-3 max-md:block max-md:px-0 max-md:pb-0 max-md:pt-2">
                    <ConfidenceBadge confidence={item.confidence} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function groupByForm(history: ItemHistoryEntry[]): [string, ItemHistoryEntry[]][] {
  const groups = new Map<string, ItemHistoryEntry[]>();
  for (const entry of history) {
    const group = groups.get(entry.form) ?? [];
    group.push(entry);
    groups.set(entry.form, group);
  }
  return [...groups.entries()];
}

function ItemHistoryBody({ data }: { data: ItemResponse }) {
  const { t } = useI18n();
  if (data.history.length === 0) return <p class="mt-6 text-std-16N-170">{t.catalog.historyEmpty}</p>;
  return (
    <>
      {groupByForm(data.history).map(([form, entries]) => (
        <HistoryTable key={form} form={form} entries={[...entries].sort((a, b) => b.fiscal_year - a.fiscal_year)} />
      ))}
    </>
  );
}

export function ItemHistory({ id }: { id: string }) {
  const { t, language } = useI18n();
  const [resource, reload] = useResource(`item/${id}`, (signal) => fetchItem(id, signal));
  const name = resource.state === 'ready' ? pick(language, resource.data.canonical.short_ja, resource.data.canonical.short_en) : null;
  return (
    <>
      <Breadcrumbs items={[{ label: t.nav.catalog, href: catalogPaths.index }, { label: name ?? id }]} />
      <h1 class={h1Class}>{name === null ? id : t.catalog.itemTitle(name, id)}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175">{t.catalog.itemLead}</p>
      <Loaded resource={resource} reload={reload}>
        {(data) => (
          <>
            <GuidelineChanges changes={data.guideline_changes} />
            <ItemHistoryBody data={data} />
          </>
        )}
      </Loaded>
    </>
  );
}
