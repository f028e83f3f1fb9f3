// A tile-grid map of Japan: one square per prefecture, placed roughly where it lies, coloured by a share in
// five classes (over the range of the shares shown) of a cividis-like sequential palette (readable with every
// common colour-vision deficiency and in greyscale: lightness rises with the share). Each tile also writes its percentage, and the legend writes
// each class's range, so the colour is never the only carrier. A suppressed prefecture is hatched and says
// 「秘匿」; one with nobody asked is white with a dash.
import { useI18n } from '../../i18n';
import { HatchPattern } from './charts';
import { percent } from './format';
import type { Prefecture, Share } from './statisticsApi';

// [column, row] of each prefecture code on a 13 × 10 grid (north-east at the top right).
const tilePlaces: Record<string, readonly [number, number]> = {
  '01': [12, 0], '02': [12, 1], '03': [12, 2], '05': [11, 2], '04': [12, 3], '06': [11, 3],
  '17': [8, 4], '16': [9, 4], '15': [10, 4], '07': [11, 4],
  '32': [3, 5], '31': [4, 5], '28': [5, 5], '26': [6, 5], '18': [7, 5], '21': [8, 5], '20': [9, 5], '10': [10, 5], '09': [11, 5], '08': [12, 5],
  '40': [1, 6], '35': [2, 6], '34': [3, 6], '33': [4, 6], '27': [5, 6], '29': [6, 6], '25': [7, 6], '23': [8, 6], '19': [9, 6], '11': [10, 6], '13': [11, 6], '12': [12, 6],
  '42': [0, 7], '41': [1, 7], '44': [2, 7], '38': [3, 7], '37': [4, 7], '30': [5, 7], '24': [7, 7], '22': [9, 7], '14': [11, 7],
  '43': [1, 8], '45': [2, 8], '39': [3, 8], '36': [4, 8],
  '47': [0, 9], '46': [1, 9],
};

// Low to high; text colour chosen for a contrast of at least 4.5:1 on each fill.
const palette = [
  { fill: '#00224e', text: '#ffffff' },
  { fill: '#35456c', text: '#ffffff' },
  { fill: '#666970', text: '#ffffff' },
  { fill: '#a59c74', text: '#000000' },
  { fill: '#fee838', text: '#000000' },
] as const;

/** A class of the legend: whole percentages from `from` (included) to `to` (excluded, included in the last class). */
export interface ShareClass {
  from: number;
  to: number;
  fill: string;
  text: string;
}

/**
 * Five equal classes over the range of the shown percentages, widened to multiples of 5 and to at least 10
 * points, so that neighbouring prefectures differ in colour when their shares do (fixed 0–20–…–100 classes
 * would paint a country of 60–80% one colour). The legend writes each range.
 */
export function classesFor(percents: number[]): ShareClass[] {
  let low = 0;
  let high = 100;
  if (percents.length > 0) {
    low = Math.floor(Math.min(...percents) / 5) * 5;
    high = Math.ceil(Math.max(...percents) / 5) * 5;
    if (high - low < 10) {
      high = Math.min(100, low + 10);
      low = high - 10;
    }
  }
  const step = (high - low) / palette.length;
  return palette.map((colour, index) => ({ from: low + index * step, to: low + (index + 1) * step, ...colour }));
}

export type Shade = { kind: 'value'; pct: number; fill: string; text: string } | { kind: 'suppressed' } | { kind: 'none' };

export function shadeOf(share: Share | undefined, classes: ShareClass[]): Shade {
  if (share === undefined) return { kind: 'none' };
  if (share === null) return { kind: 'suppressed' };
  const pct = percent(share.ratio);
  if (pct === null) return { kind: 'none' };
  const shade = classes.find((candidate, index) => pct < candidate.to || index === classes.length - 1) ?? classes[0];
  return shade === undefined ? { kind: 'none' } : { kind: 'value', pct, fill: shade.fill, text: shade.text };
}

const tile = 56;
const gap = 4;

export interface MapProps {
  prefectures: Prefecture[];
  shares: ReadonlyMap<string, Share>;
  title: string;
  testId: string;
  /** k, for the legend's 「秘匿」. */
  k: number;
}

/** The map and its legend, with classes from the shares shown. */
export function PrefectureMap(props: MapProps) {
  const percents = [...props.shares.values()].flatMap((share) => {
    const pct = share === null ? null : percent(share.ratio);
    return pct === null ? [] : [pct];
  });
  const classes = classesFor(percents);
  return (
    <>
      <TileMap {...props} classes={classes} />
      <MapLegend k={props.k} classes={classes} />
    </>
  );
}

function TileMap({ prefectures, shares, title, testId, classes }: MapProps & { classes: ShareClass[] }) {
  const { t, language } = useI18n();
  const s = t.statistics;
  const patternId = `${testId}-hatch`;
  const width = 13 * (tile + gap);
  const height = 10 * (tile + gap);
  const shortName = (prefecture: Prefecture) =>
    language === 'ja' ? (prefecture.code === '01' ? prefecture.label_ja : prefecture.label_ja.replace(/[都府県]$/, '')) : prefecture.label_en;
  return (
    <figure class="min-w-0" data-testid={testId}>
      <figcaption class="text-std-16B-170 text-solid-gray-900">{title}</figcaption>
      <div class="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={s.mapRegion}>
        <svg role="img" aria-label={`${title}${s.mapAlt}`} viewBox={`0 0 ${width} ${height}`} class="w-full min-w-[36rem] max-w-2xl">
          <defs>
            <HatchPattern id={patternId} />
          </defs>
          {prefectures.map((prefecture) => {
            const place = tilePlaces[prefecture.code];
            if (place === undefined) return null;
            const [column, row] = place;
            const shade = shadeOf(shares.get(prefecture.code), classes);
            const x = column * (tile + gap);
            const y = row * (tile + gap);
            const fill = shade.kind === 'value' ? shade.fill : shade.kind === 'suppressed' ? `url(#${patternId})` : '#ffffff';
            const ink = shade.kind === 'value' ? shade.text : '#000000';
            const value = shade.kind === 'value' ? `${shade.pct}%` : shade.kind === 'suppressed' ? s.suppressedShort : '—';
            const name = shortName(prefecture);
            return (
              <g key={prefecture.code} data-prefecture={prefecture.code} data-shade={shade.kind}>
                <title>{`${language === 'ja' ? prefecture.label_ja : prefecture.label_en}: ${shade.kind === 'suppressed' ? s.suppressed : shade.kind === 'value' ? `${shade.pct}%` : s.noneAsked}`}</title>
                <rect x={x} y={y} width={tile} height={tile} rx="4" fill={fill} stroke="#333333" stroke-width="1" stroke-dasharray={shade.kind === 'none' ? '4 3' : undefined} />
                {shade.kind === 'suppressed' && (
                  <>
                    <rect x={x + 4} y={y + 7} width={tile - 8} height="18" rx="2" fill="#ffffff" />
                    <rect x={x + 4} y={y + 31} width={tile - 8} height="19" rx="2" fill="#ffffff" />
                  </>
                )}
                <text x={x + tile / 2} y={y + 20} text-anchor="middle" font-size={name.length > 6 ? 10 : 13} fill={ink}>
                  {name}
                </text>
                <text x={x + tile / 2} y={y + 45} text-anchor="middle" font-size="13" font-weight="bold" fill={ink}>
                  {value}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

function MapLegend({ k, classes }: { k: number; classes: ShareClass[] }) {
  const { t } = useI18n();
  const s = t.statistics;
  return (
    <div class="mt-4" data-testid="map-legend">
      <p class="text-std-16B-170 text-solid-gray-900">{s.legendTitle}</p>
      <p class="text-std-16N-170 text-solid-gray-800">{s.legendNote}</p>
      <ul class="mt-2 flex flex-wrap gap-x-5 gap-y-2 text-dns-16N-130">
        {classes.map((shade, index) => (
          <li key={shade.from} class="flex items-center gap-2">
            <svg aria-hidden="true" focusable="false" width="28" height="20">
              <rect x="0.5" y="0.5" width="27" height="19" rx="2" fill={shade.fill} stroke="#333333" />
            </svg>
            {s.legendRange(shade.from, shade.to, index === classes.length - 1)}
          </li>
        ))}
        <li class="flex items-center gap-2">
          <svg aria-hidden="true" focusable="false" width="28" height="20">
            <defs>
              <HatchPattern id="legend-hatch" />
            </defs>
            <rect x="0.5" y="0.5" width="27" height="19" rx="2" fill="url(#legend-hatch)" stroke="#333333" />
          </svg>
          {s.legendSuppressed(k)}
        </li>
        <li class="flex items-center gap-2">
          <svg aria-hidden="true" focusable="false" width="28" height="20">
            <rect x="0.5" y="0.5" width="27" height="19" rx="2" fill="#ffffff" stroke="#333333" stroke-dasharray="4 3" />
          </svg>
          {s.noneAsked}
        </li>
      </ul>
    </div>
  );
}
