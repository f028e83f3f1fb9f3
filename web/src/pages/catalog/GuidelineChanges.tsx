// What a later guideline version changed about a checklist item (e.g. Guideline 7.0 dropping periodic
// password change, which R7 2-⑦ still asks for), shown on the item's page with its source.
import type { GuidelineChange } from '../../api/catalog';
import { useI18n } from '../../i18n';
import { pick } from './format';
import { ConfidenceBadge, h2Class, linkClass } from './ui';

export function GuidelineChanges({ changes }: { changes: GuidelineChange[] }) {
  const { t, language } = useI18n();
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="guideline-changes" class="mt-6 max-w-3xl" data-testid="guideline-changes">
      <h2 id="guideline-changes" class={h2Class}>
        {t.guidelineVersions.changesHeading}
      </h2>
      <ul class="mt-3 grid gap-3">
        {changes.map((change) => (
          <li
            key={`${change.guideline}-${change.id}`}
            class="rounded-8 border border-solid-gray-420 bg-white p-4"
            data-change={change.id}
          >
            <p class="flex flex-wrap items-center gap-2 text-std-16B-170">
              <span>{pick(language, change.guideline_title_ja, change.guideline_title_en)}</span>
              <ConfidenceBadge confidence={change.confidence} />
            </p>
            <p class="mt-1 text-std-16N-170">{pick(language, change.summary_ja, change.summary_en)}</p>
            {change.id === 'password-periodic-change' && (
              <p class="mt-1 text-std-16N-170">{t.guidelineVersions.periodicChangeNote}</p>
            )}
            <p class="mt-1 text-dns-14N-130 text-solid-gray-700">
              {t.catalog.source}:{' '}
              <a href={change.source} class={`break-all ${linkClass}`} rel="noopener noreferrer" target="_blank">
                {change.source}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
