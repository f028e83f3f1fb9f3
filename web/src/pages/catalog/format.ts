import type { Language } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import type { PublishedPrecision, Row } from '../../api/catalog';

/** Picks the Japanese or English variant of a bilingual field. */
export function pick(language: Language, ja: string, en: string): string {
  return language === 'en' && en !== '' ? en : ja;
}

/** "2025-05-16" / "2023-10" / "2023", as far as it is known: 2025年5月16日, 16 May 2025, … */
export function formatPublished(t: Messages, published: string | null, precision: PublishedPrecision): string | null {
  if (published === null || precision === 'unknown') return null;
  const [year, month, day] = published.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) return published;
  const knownMonth = precision !== 'year' && month !== undefined && !Number.isNaN(month) ? month : null;
  const knownDay = precision === 'day' && knownMonth !== null && day !== undefined && !Number.isNaN(day) ? day : null;
  return t.catalog.date(year, knownMonth, knownDay);
}

/** The printed target of a row, e.g. 目標: 令和7年度中 / Target: within FY2025; null when there is none. */
export function targetText(t: Messages, row: Pick<Row, 'target_fiscal_year' | 'target_label_ja'>): string | null {
  if (row.target_fiscal_year === null) return null;
  const label = row.target_label_ja;
  if (label === null || label.endsWith('中')) return t.catalog.target(t.catalog.targetWithin(row.target_fiscal_year));
  return t.catalog.target(t.catalog.targetBy(label, row.target_fiscal_year));
}

type DeviceKey = keyof Messages['catalog']['deviceClasses'];

function isDeviceKey(key: string): key is DeviceKey {
  return key === 'general' || key === 'server' || key === 'terminal' || key === 'network';
}

/** The device-class label of a row: the printed label in Japanese, our translation in English. */
export function rowLabel(t: Messages, language: Language, row: Pick<Row, 'key' | 'label_ja'>): string | null {
  if (row.key === 'main') return null;
  if (language === 'ja' && row.label_ja !== null) return row.label_ja;
  const parts = row.key.split('+').map((key) => (isDeviceKey(key) ? t.catalog.deviceClasses[key] : key));
  return parts.join(language === 'ja' ? '、' : ', ');
}
