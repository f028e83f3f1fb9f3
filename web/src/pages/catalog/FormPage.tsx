import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchForm, type EditionSummary, type Form, type FormResponse, type Gate } from '../../api/catalog';
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { Link } from '../../router';
import { previousEdition, useEditions } from './data';
import { formatPublished, pick } from './format';
import { ItemEntry } from './ItemEntry';
import { catalogPaths, fiscalYearOfEditionId } from './routes';
import { Breadcrumbs, buttonClass, ConfidenceBadge, h1Class, h2Class, Legend, linkClass, Loaded } from './ui';

export function formTitle(t: Messages, form: string): string {
  const titles: Record<string, string> = t.catalog.formTitles;
  return titles[form] ?? form;
}

export function editionTitle(t: Messages, edition: string): string {
  const year = fiscalYearOfEditionId(edition);
  return year === null ? edition : t.catalog.editionName(year);
}

const pillBase = 'flex min-h-11 items-center rounded-8 border px-3 text-dns-16B-120';
const pillCurrent = `${pillBase} border-blue-900 bg-blue-900 text-white`;
const pillOther = `${pillBase} border-blue-900 bg-white text-blue-1000 underline underline-offset-2 hover:bg-blue-50`;

function Switchers({ editions, edition, form }: { editions: EditionSummary[]; edition: string; form: string }) {
  const { t, language } = useI18n();
  const current = editions.find((candidate) => candidate.id === edition);
  return (
    <nav aria-label={t.catalog.switcherLabel} class="mt-6 grid gap-3 print:hidden" data-testid="switchers">
      <div class="flex flex-wrap items-center gap-2">
        <span id="switch-edition" class="w-full text-dns-16B-120 text-solid-gray-800 sm:w-20">
          {t.catalog.editionSwitcher}
        </span>
        <ul aria-labelledby="switch-edition" class="flex flex-wrap gap-2">
          {editions.map((candidate) => {
            const target = candidate.forms.some((f) => f.id === form) ? form : (candidate.forms[0]?.id ?? form);
            const isCurrent = candidate.id === edition;
            return (
              <li key={candidate.id}>
                <Link
                  href={catalogPaths.form(candidate.id, target)}
                  class={isCurrent ? pillCurrent : pillOther}
                  {...(isCurrent ? { 'aria-current': 'page' as const } : {})}
                >
                  {t.catalog.editionName(candidate.fiscal_year)}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
      {current !== undefined && (
        <div class="flex flex-wrap items-center gap-2">
          <span id="switch-form" class="w-full text-dns-16B-120 text-solid-gray-800 sm:w-20">
            {t.catalog.formSwitcher}
          </span>
          <ul aria-labelledby="switch-form" class="flex flex-wrap gap-2">
            {current.forms.map((candidate) => {
              const isCurrent = candidate.id === form;
              return (
                <li key={candidate.id}>
                  <Link
                    href={catalogPaths.form(edition, candidate.id)}
                    class={isCurrent ? pillCurrent : pillOther}
                    {...(isCurrent ? { 'aria-current': 'page' as const } : {})}
                  >
                    {pick(language, candidate.title_ja, candidate.title_en)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </nav>
  );
}

function FormFacts({ form }: { form: Form }) {
  const { t, language } = useI18n();
  const published = formatPublished(t, form.published, form.published_precision);
  return (
    <dl class="mt-6 grid gap-x-6 gap-y-2 rounded-8 border border-solid-gray-200 p-4 text-std-16N-170 sm:grid-cols-[auto_1fr] md:p-5">
      <dt class="font-bold text-solid-gray-900">{t.catalog.filledBy}</dt>
      <dd>{pick(language, form.filled_by_ja, form.filled_by_en)}</dd>
      {published !== null && (
        <>
          <dt class="font-bold text-solid-gray-900">{t.catalog.published}</dt>
          <dd class="flex flex-wrap items-center gap-2">
            {form.published !== null && <time dateTime={form.published}>{published}</time>}
            {form.published_confidence !== null && form.published_confidence !== 'V' && (
              <ConfidenceBadge confidence={form.published_confidence} />
            )}
          </dd>
        </>
      )}
      <dt class="font-bold text-solid-gray-900">{t.catalog.answerColumns}</dt>
      <dd>
        <ul class="flex flex-wrap gap-x-4 gap-y-1">
          {form.answer_columns.map((column) => (
            <li key={column.id}>
              {pick(language, column.label_ja, column.label_en)}
              <span class="text-solid-gray-700">{t.catalog.parenthesized(t.catalog.answerRequired[column.required])}</span>
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}

function GateBox({ gate }: { gate: Gate }) {
  const { t, language } = useI18n();
  const explanation =
    language === 'en'
      ? [gate.explanation_en.meaning_en, gate.explanation_en.how_en]
      : [gate.explanation_ja.meaning_ja, gate.explanation_ja.how_ja];
  return (
    <section aria-labelledby="gate-heading" class="mt-8 break-inside-avoid rounded-8 border-2 border-blue-900 bg-blue-50 p-5" data-testid="gate">
      <h2 id="gate-heading" class="text-std-20B-150 text-solid-gray-900">
        {t.catalog.gateHeading}: <span lang="ja">{gate.heading_ja}</span>
      </h2>
      <p class="mt-2 text-std-18B-160 text-solid-gray-900">
        <span lang={language}>{pick(language, gate.question_ja, gate.question_en)}</span>
      </p>
      <p class="mt-2 text-std-16N-170">{pick(language, gate.effect_ja, gate.effect_en)}</p>
      <div class="mt-2 flex flex-wrap items-center gap-2">
        <ConfidenceBadge confidence={gate.confidence} />
        {gate.guideline_refs_basis.printed_ja !== null && (
          <span class="text-dns-14N-130 text-solid-gray-700">
            {t.catalog.guidelinePrinted}: <span lang="ja">{gate.guideline_refs_basis.printed_ja}</span>
          </span>
        )}
      </div>
      {explanation.map((paragraph) => (
        <p key={paragraph} class="mt-2 text-std-16N-170">
          {paragraph}
        </p>
      ))}
    </section>
  );
}

function GateStatusNote({ form }: { form: Form }) {
  const { t } = useI18n();
  if (form.gate !== null) return <GateBox gate={form.gate} />;
  // The vendor form never had the question; only say something where a reader might expect it.
  if (form.form_applicability.one_per === 'vendor_system') return null;
  const text =
    form.gate_status === 'unknown'
      ? t.catalog.gateUnknown
      : form.gate_status_confidence === 'I'
        ? t.catalog.gateAbsentInferred
        : t.catalog.gateAbsent;
  return <p class="mt-6 max-w-3xl text-std-16N-170 text-solid-gray-800">{text}</p>;
}

function FormIntro({ data, editions }: { data: FormResponse; editions: EditionSummary[] | null }) {
  const { t } = useI18n();
  const { form } = data;
  const previous = editions === null ? null : previousEdition(editions, data.edition.id, form.id);
  return (
    <>
      <FormFacts form={form} />
      {form.form_applicability.one_per === 'vendor_system' && (
        <p class="mt-4 max-w-3xl rounded-8 border-l-4 border-blue-900 bg-blue-50 p-4 text-std-16N-170">{t.catalog.oneFormPerVendor}</p>
      )}
      {previous !== null && (
        <p class="mt-4 print:hidden">
          <Link href={catalogPaths.compare(previous.id, data.edition.id, form.id)} class={`text-std-16N-170 ${linkClass}`}>
            {t.catalog.compareWithPreviousLong(t.catalog.editionName(previous.fiscal_year))}
          </Link>
        </p>
      )}
    </>
  );
}

function FormBody({ form, english }: { form: Form; english: boolean }) {
  const { language } = useI18n();
  return (
    <>
      <GateStatusNote form={form} />
      {form.sections.map((section) => {
        const items = form.items.filter((item) => item.section_id === section.section_id);
        if (items.length === 0) return null;
        const id = `section-${section.section_id}`;
        return (
          <section key={section.section_id} aria-labelledby={id} class="mt-10" data-testid="catalog-section">
            <h2 id={id} class={`${h2Class} break-after-avoid border-b-2 border-blue-900 pb-2`}>
              {section.number}. {pick(language, section.section_ja, section.section_en)}
            </h2>
            <ol class="mt-2" data-testid="catalog-items">
              {items.map((item) => (
                <ItemEntry key={item.canonical_id} item={item} english={english} />
              ))}
            </ol>
          </section>
        );
      })}
    </>
  );
}

export function FormPage({ edition, form }: { edition: string; form: string }) {
  const { t, language } = useI18n();
  const [editions] = useEditions();
  const [resource, reload] = useResource(`${edition}/${form}`, (signal) => fetchForm(edition, form, signal));
  const [showEnglish, setShowEnglish] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  // The legend starts open where there is room for it; on a phone it would push the items far down.
  const [legendOpen] = useState(() => window.matchMedia('(min-width: 48rem)').matches);

  const editionList = editions.state === 'ready' ? editions.data : null;
  const summary = editionList?.find((candidate) => candidate.id === edition);
  const editionName = summary === undefined ? editionTitle(t, edition) : t.catalog.editionName(summary.fiscal_year);
  const loadedForm = resource.state === 'ready' ? resource.data.form : null;
  const formName = loadedForm === null ? formTitle(t, form) : pick(language, loadedForm.title_ja, loadedForm.title_en);

  // A link such as /catalog/r7/medical#item-VUL-01 opens that item once the form has loaded.
  useEffect(() => {
    if (resource.state !== 'ready' || window.location.hash === '') return;
    const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target === null) return;
    target.querySelector('details')?.setAttribute('open', '');
    target.scrollIntoView();
  }, [resource.state]);

  const setAllDetails = (open: boolean) => {
    body.current?.querySelectorAll('details').forEach((details) => {
      details.open = open;
    });
  };

  return (
    <>
      <Breadcrumbs
        items={[{ label: t.nav.catalog, href: catalogPaths.index }, { label: editionName }, { label: formName }]}
      />
      <h1 class={h1Class}>
        <span class="block text-std-20B-150 text-solid-gray-700 md:text-std-24B-150">{editionName}</span>
        <span class="block">{formName}</span>
      </h1>
      {loadedForm !== null && (
        <p class="mt-2 text-std-16N-170 text-solid-gray-700" lang="ja">
          {loadedForm.document_title_ja}
        </p>
      )}
      {editionList !== null && <Switchers editions={editionList} edition={edition} form={form} />}

      <Loaded resource={resource} reload={reload}>
        {(data) => (
          <>
            <FormIntro data={data} editions={editionList} />
            <details class="group mt-6 break-inside-avoid rounded-8 bg-solid-gray-50 print:[&:not([open])]:hidden" open={legendOpen}>
              <summary class="flex min-h-11 cursor-pointer items-center gap-2 rounded-8 px-4 text-dns-16B-120 text-solid-gray-900 hover:underline">
                <span aria-hidden="true" class="inline-block transition-transform group-open:rotate-90 print:hidden">▶</span>
                {t.catalog.legendHeading}
              </summary>
              <div class="px-4 pb-4">
                <Legend />
              </div>
            </details>
            <div role="group" aria-label={t.catalog.tools} class="mt-4 flex flex-wrap gap-2 print:hidden">
              {language === 'ja' && (
                <button type="button" class={buttonClass} aria-pressed={showEnglish} onClick={() => setShowEnglish(!showEnglish)}>
                  <span aria-hidden="true">{showEnglish ? '☑' : '☐'}</span>
                  {t.catalog.showEnglish}
                </button>
              )}
              <button type="button" class={buttonClass} onClick={() => setAllDetails(true)}>
                {t.catalog.expandAll}
              </button>
              <button type="button" class={buttonClass} onClick={() => setAllDetails(false)}>
                {t.catalog.collapseAll}
              </button>
              <button type="button" class={buttonClass} onClick={() => window.print()}>
                {t.catalog.print}
              </button>
            </div>
            <div ref={body}>
              <FormBody form={data.form} english={language === 'en' || showEnglish} />
            </div>
          </>
        )}
      </Loaded>
    </>
  );
}
