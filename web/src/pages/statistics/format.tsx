// How the statistics pages write a number: always with its denominator ("28 / 40（70%）"), 「秘匿」 for a
// suppressed one (with the reason in a tooltip and in the note under every view), labels from the server in
// the reader's language, and the links that give the same view as CSV and .xlsx.
import { useI18n } from '../../i18n';
import { linkClass } from '../catalog/ui';
import { statisticsUrl, type Endpoint, type Share, type StatisticsQuery } from './statisticsApi';

export function useLabel(): (labelled: { label_ja: string; label_en: string }) => string {
  const { language } = useI18n();
  return (labelled) => (language === 'ja' ? labelled.label_ja : labelled.label_en);
}

/** A ratio as a whole percentage ("70"), or null when there is none. */
export function percent(ratio: number | null): number | null {
  return ratio === null ? null : Math.round(ratio * 100);
}

export function Suppressed({ k }: { k: number }) {
  const { t } = useI18n();
  return (
    <span class="whitespace-nowrap font-bold text-solid-gray-800 underline decoration-dotted underline-offset-4" title={t.statistics.suppressedTip(k)} data-suppressed="true">
      {t.statistics.suppressed}
    </span>
  );
}

export function ShareText({ share, k }: { share: Share; k: number }) {
  const { t } = useI18n();
  if (share === null) return <Suppressed k={k} />;
  const pct = percent(share.ratio);
  return (
    <span class="whitespace-nowrap tabular-nums" data-count={share.count} data-of={share.of}>
      {t.statistics.share(share.count, share.of, pct)}
    </span>
  );
}

export function CountText({ count, k }: { count: number | null; k: number }) {
  const { t } = useI18n();
  if (count === null) return <Suppressed k={k} />;
  return (
    <span class="tabular-nums" data-count={count}>
      {t.statistics.count(count)}
    </span>
  );
}

export function SuppressionNote({ k }: { k: number }) {
  const { t } = useI18n();
  return (
    <p class="mt-4 max-w-3xl text-std-16N-170 text-solid-gray-800" data-testid="suppression-note">
      <span aria-hidden="true">※ </span>
      {t.statistics.suppressedNote(k)}
    </p>
  );
}

export function ExportLinks({ endpoint, query, testId }: { endpoint: Endpoint; query: StatisticsQuery; testId: string }) {
  const { t, language } = useI18n();
  const s = t.statistics;
  return (
    <p class="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170" data-testid={testId}>
      <span class="text-solid-gray-800">{s.exportLabel}</span>
      <a href={statisticsUrl(endpoint, query, 'csv', language)} download class={linkClass} data-testid={`${testId}-csv`}>
        {s.exportCsv}
      </a>
      <a href={statisticsUrl(endpoint, query, 'xlsx', language)} download class={linkClass} data-testid={`${testId}-xlsx`}>
        {s.exportXlsx}
      </a>
    </p>
  );
}
