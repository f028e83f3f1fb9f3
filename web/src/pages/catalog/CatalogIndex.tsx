import type { EditionSummary } from '../../api/catalog';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { EditorLink } from '../editions/access';
import { previousEdition, useEditions } from './data';
import { formatPublished, pick } from './format';
import { catalogPaths } from './routes';
import { h1Class, h2Class, linkClass, Loaded } from './ui';

function EditionCard({ edition, editions, newest }: { edition: EditionSummary; editions: EditionSummary[]; newest: boolean }) {
  const { t, language } = useI18n();
  const name = t.catalog.editionName(edition.fiscal_year);
  const published = formatPublished(t, edition.published, edition.published_precision);
  const firstForm = edition.forms[0]?.id ?? 'medical';
  const previous = previousEdition(editions, edition.id, firstForm);
  const headingId = `edition-${edition.id}`;
  const newer = edition.newer_known ?? [];
  return (
    <li class="rounded-8 border border-solid-gray-420 bg-white p-5 md:p-6" data-testid="edition" data-edition={edition.id}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} class="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-std-20B-150 text-solid-gray-900">
          <span>{name}</span>
          <span class="text-std-16N-170 text-solid-gray-700">
            {t.catalog.parenthesized(language === 'ja' ? t.catalog.westernYear(edition.fiscal_year) : edition.fiscal_year_ja)}
          </span>
          {newest && (
            <span class="rounded-4 bg-blue-900 px-2 py-0.5 text-dns-14B-120 text-white" data-testid="newest-badge">
              {newer.length > 0 ? t.checklistDocs.newestLoaded : t.catalog.newest}
            </span>
          )}
        </h3>
        {newest &&
          newer.map((known) => (
            <p key={known.fiscal_year} class="mt-2 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-3 text-std-16N-170" data-testid="newer-known">
              {t.checklistDocs.newerKnown(t.catalog.editionName(known.fiscal_year), formatPublished(t, known.published_label, 'month') ?? known.published_label)}{' '}
              <a href={known.source} class={`break-all ${linkClass}`} rel="noopener noreferrer" target="_blank">
                {t.checklistDocs.newerKnownSource}
              </a>
            </p>
          ))}
        <p class="mt-1 text-std-16N-170 text-solid-gray-800">{pick(language, edition.title_ja, edition.title_en)}</p>
        {published !== null && (
          <p class="mt-1 text-std-16N-170 text-solid-gray-700">
            {t.catalog.published}: <time dateTime={edition.published}>{published}</time>
          </p>
        )}
        <h4 class="sr-only">{t.catalog.formsLabel}</h4>
        <ul class="mt-4 grid gap-2 sm:grid-cols-3">
          {edition.forms.map((form) => (
            <li key={form.id}>
              <Link
                href={catalogPaths.form(edition.id, form.id)}
                class="flex min-h-14 flex-col justify-center rounded-8 border border-blue-900 px-3 py-2 text-blue-1000 hover:bg-blue-50"
              >
                <span class="text-std-16B-170 underline underline-offset-2">{pick(language, form.title_ja, form.title_en)}</span>
                <span class="text-dns-14N-130 text-solid-gray-700">{t.catalog.itemCount(form.item_count)}</span>
              </Link>
            </li>
          ))}
        </ul>
        {previous !== null && (
          <p class="mt-3">
            <Link href={catalogPaths.compare(previous.id, edition.id, firstForm)} class={`text-std-16N-170 ${linkClass}`}>
              {t.catalog.compareWithPrevious(t.catalog.editionName(previous.fiscal_year))}
            </Link>
          </p>
        )}
      </article>
    </li>
  );
}

export function CatalogIndex() {
  const { t } = useI18n();
  const [editions, reload] = useEditions();

  return (
    <>
      <h1 class={h1Class}>{t.catalog.indexTitle}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175 md:text-std-18N-160">{t.catalog.indexLead}</p>
      <p class="mt-3">
        <Link href={catalogPaths.guidelines} class={`text-std-16N-170 ${linkClass}`}>
          {t.guidelineVersions.indexLink}
        </Link>
      </p>
      <p class="mt-2 empty:hidden">
        <EditorLink class="text-std-16N-170" />
      </p>

      <div class="mt-8 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <section aria-labelledby="catalog-editions">
            <h2 id="catalog-editions" class={h2Class}>
              {t.catalog.editionsHeading}
            </h2>
            <Loaded resource={editions} reload={reload}>
              {(list) =>
                list.length === 0 ? (
                  <p class="mt-4 text-std-16N-170">{t.catalog.noEditions}</p>
                ) : (
                  <ul class="mt-4 grid gap-4" data-testid="editions">
                    {list.map((edition, index) => (
                      <EditionCard key={edition.id} edition={edition} editions={list} newest={index === 0} />
                    ))}
                  </ul>
                )
              }
            </Loaded>
          </section>
          {editions.state === 'ready' && <CompareTeaser editions={editions.data} />}
        </div>

        <aside aria-labelledby="catalog-about" class="self-start rounded-8 bg-solid-gray-50 p-5 md:p-6">
          <h2 id="catalog-about" class="text-std-20B-150 text-solid-gray-900">
            {t.catalog.aboutHeading}
          </h2>
          <p class="mt-3 text-std-16N-170">{t.catalog.aboutBody}</p>
          <h3 class="mt-6 text-std-18B-160 text-solid-gray-900">{t.catalog.whoHeading}</h3>
          <dl class="mt-2 text-std-16N-170">
            <WhoFills title={t.catalog.formTitles.medical} body={t.catalog.whoMedical} />
            <WhoFills title={t.catalog.formTitles.pharmacy} body={t.catalog.whoPharmacy} />
            <WhoFills title={t.catalog.formTitles.vendor} body={t.catalog.whoVendor} />
          </dl>
        </aside>
      </div>
    </>
  );
}

function WhoFills({ title, body }: { title: string; body: string }) {
  return (
    <>
      <dt class="mt-3 text-std-16B-170 text-solid-gray-900">{title}</dt>
      <dd>{body}</dd>
    </>
  );
}

function CompareTeaser({ editions }: { editions: EditionSummary[] }) {
  const { t } = useI18n();
  const [to, from] = editions;
  if (to === undefined || from === undefined) return null;
  const form = to.forms[0]?.id ?? 'medical';
  return (
    <section aria-labelledby="catalog-compare" class="mt-8 rounded-8 border-l-4 border-blue-900 bg-blue-50 p-5 md:p-6">
      <h2 id="catalog-compare" class="text-std-20B-150 text-solid-gray-900">
        {t.catalog.compareHeading}
      </h2>
      <p class="mt-2 text-std-16N-170">{t.catalog.compareBody}</p>
      <p class="mt-3">
        <Link href={catalogPaths.compare(from.id, to.id, form)} class={`text-std-16B-170 ${linkClass}`}>
          {t.catalog.compareLink(t.catalog.editionName(from.fiscal_year), t.catalog.editionName(to.fiscal_year))}
        </Link>
      </p>
    </section>
  );
}
