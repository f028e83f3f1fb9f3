// /catalog/guidelines: the guideline versions the catalog holds (6.0 and 7.0), newest first: what changed
// in the newer one (passwords, two-factor authentication, the new volume) and each version's volumes with
// the chapters and sections the sources give. Entries whose title no source gives say so.
import { fetchGuidelines, type GuidelineDocument, type GuidelineEntry } from '../../api/catalog';
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { formatPublished, pick } from './format';
import { InstitutionGuidelineVolumes, useInstitutionId } from './GuidelineVolumes';
import { catalogPaths } from './routes';
import { Breadcrumbs, ConfidenceBadge, h1Class, h2Class, linkClass, Loaded } from './ui';

function EntryLine({ entry }: { entry: GuidelineEntry }) {
  const { t, language } = useI18n();
  const title = entry.title_ja === null ? null : pick(language, entry.title_ja, entry.title_en ?? entry.title_ja);
  return (
    <li class="flex flex-wrap items-baseline gap-x-2 gap-y-1" data-entry={entry.id}>
      <span class="font-bold">{entry.number}</span>
      <span>{title ?? <span class="text-solid-gray-700">{t.guidelineVersions.titleUnknown}</span>}</span>
      <ConfidenceBadge confidence={entry.confidence} />
    </li>
  );
}

function Volume({ guideline, volume }: { guideline: GuidelineDocument; volume: GuidelineEntry }) {
  const { t, language } = useI18n();
  const children = guideline.entries.filter((e) => e.volume === volume.id && e.kind !== 'volume');
  return (
    <li class="rounded-8 border border-solid-gray-420 bg-white p-4" data-volume={volume.id}>
      <h4 class="text-std-17B-170">{pick(language, volume.title_ja ?? '', volume.title_en ?? '')}</h4>
      {children.length === 0 ? (
        <p class="mt-1 text-std-16N-170 text-solid-gray-700">{t.guidelineVersions.noChapters}</p>
      ) : (
        <ul class="mt-2 grid gap-1 text-std-16N-170">
          {children.map((entry) => (
            <EntryLine key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </li>
  );
}

function GuidelineSection({ guideline }: { guideline: GuidelineDocument }) {
  const { t, language } = useI18n();
  const volumes = guideline.entries.filter((e) => e.kind === 'volume');
  const headingId = `guideline-${guideline.id}`;
  return (
    <section aria-labelledby={headingId} class="mt-8" data-guideline={guideline.id}>
      <h2 id={headingId} class={h2Class}>
        {pick(language, guideline.title_ja, guideline.title_en)}
      </h2>
      <p class="mt-2 flex flex-wrap items-center gap-2 text-std-16N-170">
        <span>{t.guidelineVersions.published(formatPublished(t, guideline.published, guideline.published_precision) ?? guideline.published)}</span>
        <ConfidenceBadge confidence={guideline.confidence} />
      </p>
      {guideline.confidence !== 'V' && <p class="mt-2 max-w-3xl text-std-16N-170">{t.guidelineVersions.secondaryOnly}</p>}
      {guideline.changes.length > 0 && (
        <>
          <h3 class="mt-6 text-std-18B-160">{t.guidelineVersions.changesFromPrevious}</h3>
          <ul class="mt-3 grid max-w-3xl gap-3" data-testid="guideline-version-changes">
            {guideline.changes.map((change) => (
              <li key={change.id} class="rounded-8 border border-solid-gray-420 bg-white p-4" data-change={change.id}>
                <p class="flex flex-wrap items-center gap-2 text-std-16B-170">
                  <span>{t.guidelineVersions.topics[change.topic] ?? t.guidelineVersions.topics['other']}</span>
                  <ConfidenceBadge confidence={change.confidence} />
                </p>
                <p class="mt-1 text-std-16N-170">{pick(language, change.summary_ja, change.summary_en)}</p>
                <p class="mt-1 text-dns-14N-130 text-solid-gray-700">
                  {t.catalog.source}:{' '}
                  <a href={change.source} class={`break-all ${linkClass}`} rel="noopener noreferrer" target="_blank">
                    {change.source}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 class="mt-6 text-std-18B-160">{t.guidelineVersions.structure(volumes.length)}</h3>
      <ul class="mt-3 grid gap-3 md:grid-cols-2">
        {volumes.map((volume) => (
          <Volume key={volume.id} guideline={guideline} volume={volume} />
        ))}
      </ul>
      <p class="mt-3 text-dns-14N-130 text-solid-gray-700">
        {t.catalog.source}:{' '}
        <a href={guideline.source} class={`break-all ${linkClass}`} rel="noopener noreferrer" target="_blank">
          {guideline.source}
        </a>
      </p>
    </section>
  );
}

export function GuidelinePage() {
  const { t } = useI18n();
  const [resource, reload] = useResource('guidelines', (signal) => fetchGuidelines(signal));
  const institution = useInstitutionId();
  return (
    <>
      <Breadcrumbs items={[{ label: t.nav.catalog, href: catalogPaths.index }, { label: t.guidelineVersions.title }]} />
      <h1 class={h1Class}>{t.guidelineVersions.title}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175">{t.guidelineVersions.lead}</p>
      {institution !== null && <InstitutionGuidelineVolumes organisation={institution} />}
      <Loaded resource={resource} reload={reload}>
        {(list) => (
          <>
            {[...list].reverse().map((g) => (
              <GuidelineSection key={g.id} guideline={g} />
            ))}
          </>
        )}
      </Loaded>
    </>
  );
}
