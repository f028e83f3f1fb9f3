// Simple bar charts of shares: one row per group (or fiscal year) with its label, a bar and the number with
// its denominator written out. The bar is decoration for the eye; the text beside it carries the value, so
// the chart reads the same to a screen reader and in greyscale. A suppressed value has no bar, a hatched
// strip and 「秘匿」.
import { useI18n } from '../../i18n';
import { percent, ShareText } from './format';
import type { Share } from './statisticsApi';

export interface Bar {
  key: string;
  label: string;
  share: Share;
}

/** The hatching of a suppressed value, shared by the charts and the map (one definition per page is enough, but ids must be unique). */
export function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="8" height="8" fill="#ffffff" />
      <line x1="0" y1="0" x2="0" y2="8" stroke="#4d4d4d" stroke-width="3" />
    </pattern>
  );
}

function BarGraphic({ share, patternId }: { share: Share; patternId: string }) {
  const pct = share === null ? null : percent(share.ratio);
  return (
    <svg aria-hidden="true" focusable="false" class="h-5 w-full">
      <rect x="0" y="0" width="100%" height="100%" fill="#f2f2f2" stroke="#767676" stroke-width="1" />
      {share === null ? (
        <rect x="0" y="0" width="100%" height="100%" fill={`url(#${patternId})`} stroke="#767676" stroke-width="1" />
      ) : (
        pct !== null && <rect x="0" y="0" width={`${pct}%`} height="100%" fill="#1a4d99" />
      )}
    </svg>
  );
}

export function ShareBars({ bars, k, caption, testId }: { bars: Bar[]; k: number; caption: string; testId: string }) {
  const { t } = useI18n();
  const patternId = `${testId}-hatch`;
  return (
    <figure class="min-w-0" data-testid={testId}>
      <figcaption class="text-std-16B-170 text-solid-gray-900">{caption}</figcaption>
      <svg aria-hidden="true" focusable="false" width="0" height="0" class="absolute">
        <defs>
          <HatchPattern id={patternId} />
        </defs>
      </svg>
      {bars.length === 0 ? (
        <p class="mt-2 text-std-16N-170 text-solid-gray-700">{t.statistics.noGroups}</p>
      ) : (
        <ul class="mt-2 space-y-2">
          {bars.map((bar) => (
            <li key={bar.key} class="grid grid-cols-[minmax(6rem,10rem)_1fr] items-center gap-x-3 gap-y-1 text-dns-16N-130 md:grid-cols-[minmax(6rem,10rem)_1fr_11rem]">
              <span class="truncate" title={bar.label}>{bar.label}</span>
              <BarGraphic share={bar.share} patternId={patternId} />
              <span class="col-start-2 md:col-start-auto md:text-right">
                <ShareText share={bar.share} k={k} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
