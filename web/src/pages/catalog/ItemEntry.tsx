import type { GuidelineRef, GuidelineRefsBasis, Item, Row } from '../../api/catalog';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { rowLabel, targetText } from './format';
import { catalogPaths } from './routes';
import { ConfidenceBadge, linkClass } from './ui';

/** Device-class rows with their targets, or the single target when the item has no class label. */
export function RowTargets({ rows, compact = false, unconfirmedItem = false }: { rows: Row[]; compact?: boolean; unconfirmedItem?: boolean }) {
  const { t, language } = useI18n();
  const labelled = rows.filter((row) => row.key !== 'main');
  if (labelled.length === 0) {
    const target = rows[0] === undefined ? null : targetText(t, rows[0]);
    return target === null ? null : <p class="text-dns-16N-130 text-solid-gray-800">{target}</p>;
  }
  return (
    <ul class={`flex flex-wrap gap-2 ${compact ? 'flex-col items-start' : ''}`}>
      {labelled.map((row) => {
        const target = targetText(t, row);
        return (
          <li
            key={row.key}
            data-row={row.key}
            class="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-4 border border-solid-gray-200 bg-solid-gray-50 px-2 py-1 text-dns-16N-130"
          >
            <span class="font-bold text-solid-gray-900">{rowLabel(t, language, row)}</span>
            {target !== null && <span class="text-solid-gray-800">{target}</span>}
            {row.confidence === 'I' && !unconfirmedItem && <ConfidenceBadge confidence="I" help={t.catalog.rowInferred} />}
          </li>
        );
      })}
    </ul>
  );
}

function guidelineLabel(volume: string, number: string | null): string {
  return number === null ? volume : `${volume} ${number}`;
}

export function GuidelineList({ refs, basis, noneGiven }: { refs: GuidelineRef[]; basis: GuidelineRefsBasis; noneGiven: boolean }) {
  const { t, language } = useI18n();
  if (noneGiven || refs.length === 0) return <p class="text-std-16N-170">{t.catalog.guidelineNone}</p>;
  return (
    <>
      <ul class="grid gap-1 text-std-16N-170" data-testid="guideline-refs">
        {refs.map((ref) => {
          const title = language === 'en' ? ref.title_en : ref.title_ja;
          return (
            <li key={ref.id} class="flex flex-wrap items-baseline gap-x-2" data-guideline={ref.id}>
              <span class="font-bold">{guidelineLabel(t.catalog.volumes[ref.volume], ref.number)}</span>
              {title !== null && <span>{title}</span>}
              {ref.confidence === 'I' && <ConfidenceBadge confidence="I" />}
            </li>
          );
        })}
      </ul>
      {basis.printed_ja !== null ? (
        <p class="mt-1 text-dns-14N-130 text-solid-gray-700">
          {t.catalog.guidelinePrinted}: <span lang="ja">{basis.printed_ja}</span>
        </p>
      ) : (
        <p class="mt-1 text-dns-14N-130 text-solid-gray-700">{t.catalog.guidelineInferred}</p>
      )}
    </>
  );
}

/** A note from the data, which is written in English (with Japanese quotations). */
export function DataNote({ label, text }: { label: string; text: string }) {
  const { t } = useI18n();
  return (
    <p class="mt-2 text-dns-14N-130 text-solid-gray-700">
      {label}
      <span class="text-solid-gray-600">{t.catalog.englishNote}</span>: <span lang="en">{withJapaneseQuotes(text)}</span>
    </p>
  );
}

/** English text whose 「quotations」 are marked lang="ja", so that each part is read in its own language. */
function withJapaneseQuotes(text: string) {
  return text.split(/(「[^」]*」)/).map((part, index) => (index % 2 === 1 ? <span key={index} lang="ja">{part}</span> : part));
}

function Applicability({ item }: { item: Item }) {
  const { t } = useI18n();
  if (!item.applicability.gate && !item.applicability.requires_vendor_contract) return null;
  return (
    <ul class="grid gap-1 text-dns-16N-130 text-solid-gray-800" data-testid="applicability">
      {item.applicability.gate && (
        <li class="flex flex-wrap items-baseline gap-2">
          <span class="rounded-4 border border-solid-gray-536 px-1.5 py-0.5 text-dns-14B-120">{t.catalog.gateNotRequired}</span>
          <span>{t.catalog.gateRule}</span>
        </li>
      )}
      {item.applicability.requires_vendor_contract && (
        <li class="flex flex-wrap items-baseline gap-2">
          <span class="rounded-4 border border-solid-gray-536 px-1.5 py-0.5 text-dns-14B-120">{t.catalog.notRequired}</span>
          <span>{t.catalog.vendorRule}</span>
        </li>
      )}
    </ul>
  );
}

export function ItemEntry({ item, english }: { item: Item; english: boolean }) {
  const { t, language } = useI18n();
  const headingId = `item-${item.canonical_id}-heading`;
  const explanation =
    language === 'en'
      ? { meaning: item.explanation_en.meaning_en, how: item.explanation_en.how_en, evidence: item.explanation_en.evidence_en }
      : { meaning: item.explanation_ja.meaning_ja, how: item.explanation_ja.how_ja, evidence: item.explanation_ja.evidence_ja };
  return (
    <li
      id={`item-${item.canonical_id}`}
      aria-labelledby={headingId}
      data-testid="catalog-item"
      data-number={item.number}
      data-canonical-id={item.canonical_id}
      class={`break-inside-avoid scroll-mt-4 border-t border-l-4 border-t-solid-gray-200 py-5 pl-2 first:border-t-0 md:pl-3 ${
        item.unconfirmed ? 'border-l-yellow-700' : 'border-l-transparent'
      }`}
    >
      <div class="grid grid-cols-[3.5rem_minmax(0,1fr)] gap-x-3 md:grid-cols-[4.5rem_minmax(0,1fr)] md:gap-x-4">
        <h3 id={headingId} class="col-span-2 grid grid-cols-subgrid">
          <span class="text-std-20B-150 text-blue-1000 md:text-std-22B-150" data-testid="item-number">
            {item.number}
          </span>
          <span class="text-std-18B-160 text-solid-gray-900" lang={language === 'en' ? 'en' : 'ja'}>
            {language === 'en' ? item.text_en : item.text_ja}
          </span>
        </h3>
        <div class="col-span-2 mt-2 grid gap-2 sm:col-span-1 sm:col-start-2">
          {language === 'en' ? (
            <p class="text-std-16N-170 text-solid-gray-800">
              <span class="text-dns-14N-130 text-solid-gray-700">{t.catalog.officialWording}: </span>
              <span lang="ja">{item.text_ja}</span>
            </p>
          ) : (
            english && (
              <p class="text-std-16N-170 text-solid-gray-800" data-testid="english-translation">
                <span class="text-dns-14N-130 text-solid-gray-700">{t.catalog.englishTranslation}: </span>
                <span lang="en">{item.text_en}</span>
              </p>
            )
          )}
          <div class="flex flex-wrap items-center gap-2">
            <ConfidenceBadge confidence={item.confidence} {...(item.unconfirmed ? { testId: 'unconfirmed' } : {})} />
            {item.unconfirmed && <span class="text-dns-14N-130 text-solid-gray-800">{t.catalog.unconfirmedShort}</span>}
          </div>
          <RowTargets rows={item.rows} unconfirmedItem={item.unconfirmed} />
          <Applicability item={item} />
          <details class="group mt-1 rounded-8 border border-solid-gray-420 bg-white print:border-solid-gray-200 print:[&:not([open])]:hidden" data-testid="item-details">
            <summary class="flex min-h-11 cursor-pointer items-center gap-2 rounded-8 px-3 text-dns-16B-120 text-blue-1000 hover:bg-blue-50 hover:underline">
              <span aria-hidden="true" class="inline-block transition-transform group-open:rotate-90">▶</span>
              {t.catalog.detailsSummary}
              <span class="sr-only">{t.catalog.parenthesized(item.number)}</span>
            </summary>
            <div class="border-t border-solid-gray-200 px-3 pb-4 pt-3 md:px-4">
              <dl class="grid max-w-4xl gap-3 text-std-16N-170">
                <div>
                  <dt class="text-std-16B-170 text-solid-gray-900">{t.catalog.meaning}</dt>
                  <dd>{explanation.meaning}</dd>
                </div>
                <div>
                  <dt class="text-std-16B-170 text-solid-gray-900">{t.catalog.how}</dt>
                  <dd>{explanation.how}</dd>
                </div>
                <div>
                  <dt class="text-std-16B-170 text-solid-gray-900">{t.catalog.evidence}</dt>
                  <dd>{explanation.evidence}</dd>
                </div>
              </dl>

              <h4 class="mt-5 text-std-16B-170 text-solid-gray-900">{t.catalog.guidelineHeading}</h4>
              <div class="mt-1">
                <GuidelineList refs={item.guideline} basis={item.guideline_refs_basis} noneGiven={item.guideline_refs_none_given} />
              </div>

              <h4 class="mt-5 text-std-16B-170 text-solid-gray-900">{t.catalog.sourceHeading}</h4>
              <p class="mt-1 flex flex-wrap items-center gap-2 text-std-16N-170">
                {t.catalog.confidenceLabel}: <ConfidenceBadge confidence={item.confidence} />
              </p>
              <p class="text-std-16N-170 text-solid-gray-800">{t.catalog.confidenceHelp[item.confidence]}</p>
              <p class="mt-2 text-std-16N-170">
                {t.catalog.source}:{' '}
                <a href={item.source} class={`break-all ${linkClass}`} rel="noopener noreferrer" target="_blank">
                  {item.source}
                </a>
              </p>
              {item.wording_note !== null && <DataNote label={t.catalog.wordingNote} text={item.wording_note} />}
              <DataNote label={t.catalog.confidenceNote} text={item.confidence_note} />
              <p class="mt-4 print:hidden">
                <Link href={catalogPaths.item(item.canonical_id)} class={`text-std-16N-170 ${linkClass}`}>
                  {t.catalog.historyLink}
                </Link>
              </p>
            </div>
          </details>
        </div>
      </div>
    </li>
  );
}

