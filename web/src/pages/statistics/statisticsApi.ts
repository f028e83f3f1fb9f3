// The statistics API (docs/statistics-api.md). Every number has been through small-cell suppression on the
// server: a hidden value is null. Guards are shallow: they catch a wrong endpoint, not a wrong number.
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

export interface Labelled {
  key: string;
  label_ja: string;
  label_en: string;
}

export interface Prefecture {
  code: string;
  label_ja: string;
  label_en: string;
}

export type Scope = { level: 'national' } | { level: 'prefecture'; prefecture_code: string };

export interface StatisticsContext {
  scope: Scope;
  minimum_count: number;
  fiscal_years: number[];
  forms: string[];
  prefectures: Prefecture[];
  bed_bands: Labelled[];
  facility_kinds: Labelled[];
  as_of: string;
}

export interface ItemLine {
  item: string;
  row: string;
  number: string;
  title_ja: string;
  title_en: string;
}

export interface ItemList {
  fiscal_year: number;
  form: string;
  edition: string;
  items: ItemLine[];
}

/** A count out of a denominator; null when suppressed. `ratio` is null when `of` is 0. */
export type Share = { count: number; of: number; ratio: number | null } | null;

export const answers = ['yes', 'no', 'not_required', 'unanswered'] as const;
export type Answer = (typeof answers)[number];

export interface Group extends Labelled {
  asked: number | null;
  yes: Share;
  no: Share;
  not_required: Share;
  unanswered: Share;
}

export const breakdowns = ['prefecture', 'health_centre', 'facility_kind', 'bed_band', 'ehr_use'] as const;
export type Breakdown = (typeof breakdowns)[number];

export interface ItemStatistics {
  fiscal_year: number;
  form: string;
  item: string;
  row: string;
  by: Breakdown;
  minimum_count: number;
  groups: Group[];
  total: Group;
}

export interface CrossTable {
  answer: Answer;
  rows: Labelled[];
  columns: Labelled[];
  cells: Share[][];
  row_totals: Share[];
  column_totals: Share[];
  grand_total: Share;
}

export interface Trend {
  years: { fiscal_year: number; groups: Group[]; total: Group }[];
}

export interface RateGroup extends Labelled {
  asked: number | null;
  submitted: Share;
  complete: Share;
}

export interface Rates {
  groups: RateGroup[];
  total: RateGroup;
}

/** The query every statistics view starts from, as the API's parameter names; '' leaves one out. */
export interface StatisticsQuery {
  fiscal_year: string;
  form: string;
  item: string;
  row: string;
  by: string;
  answer: string;
  prefecture: string;
  bed_band: string;
  facility_kind: string;
}

export type Endpoint = 'item' | 'cross' | 'trend' | 'rates';

const parametersOf: Record<Endpoint, readonly (keyof StatisticsQuery)[]> = {
  item: ['fiscal_year', 'form', 'item', 'row', 'by', 'prefecture', 'bed_band', 'facility_kind'],
  cross: ['fiscal_year', 'form', 'item', 'row', 'answer', 'prefecture', 'facility_kind'],
  trend: ['form', 'item', 'row', 'by', 'prefecture', 'bed_band', 'facility_kind'],
  rates: ['fiscal_year', 'form', 'by', 'prefecture', 'bed_band', 'facility_kind'],
};

/** The address of one view's answer; `format` csv or xlsx gives the same numbers as a file, its labels and notes in `lang`. */
export function statisticsUrl(endpoint: Endpoint, query: StatisticsQuery, format: 'json' | 'csv' | 'xlsx' = 'json', lang: 'ja' | 'en' = 'ja'): string {
  const params = new URLSearchParams();
  for (const name of parametersOf[endpoint]) {
    if (query[name] !== '') params.set(name, query[name]);
  }
  if (format !== 'json') {
    params.set('format', format);
    params.set('lang', lang);
  }
  return `/api/v1/statistics/${endpoint}?${params.toString()}`;
}

/** The ministry's yearly open-data file (CSV, suppressed like every view) of a fiscal year and form, and its data dictionary. */
export function openDataUrl(query: StatisticsQuery): string {
  return `/api/v1/statistics/open-data?${new URLSearchParams({ fiscal_year: query.fiscal_year, form: query.form }).toString()}`;
}
export const openDataDictionaryUrl = '/api/v1/statistics/open-data/dictionary';

const isContext = (body: unknown): body is StatisticsContext =>
  isRecord(body) && isRecord(body.scope) && Array.isArray(body.fiscal_years) && Array.isArray(body.prefectures) && typeof body.minimum_count === 'number';
const isItemList = (body: unknown): body is ItemList => isRecord(body) && Array.isArray(body.items);
const isItemStatistics = (body: unknown): body is ItemStatistics => isRecord(body) && Array.isArray(body.groups) && isRecord(body.total);
const isCross = (body: unknown): body is CrossTable => isRecord(body) && Array.isArray(body.rows) && Array.isArray(body.cells);
const isTrend = (body: unknown): body is Trend => isRecord(body) && Array.isArray(body.years);
const isRates = (body: unknown): body is Rates => isRecord(body) && Array.isArray(body.groups) && isRecord(body.total);

// The order a reader expects: clinics, then hospitals from the smallest band up (the server may sort by key).
const bedBandOrder = ['clinic_without_beds', 'clinic_with_beds', 'hospital_20_99', 'hospital_100_199', 'hospital_200_299', 'hospital_300_399', 'hospital_400_499', 'hospital_500_plus'];
const facilityKindOrder = ['hospital', 'clinic', 'dental_clinic', 'pharmacy'];

function inOrder<T extends { key: string }>(list: T[], order: readonly string[]): T[] {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...list].sort((a, b) => rank(a.key) - rank(b.key));
}

export function sortColumns<T extends { key: string }>(columns: T[]): T[] {
  return inOrder(columns, bedBandOrder);
}

/** Groups of a breakdown in the reader's order (bed bands by size, kinds as the filters list them). */
export function sortGroups<T extends { key: string }>(by: Breakdown, groups: T[]): T[] {
  if (by === 'bed_band') return inOrder(groups, bedBandOrder);
  if (by === 'facility_kind') return inOrder(groups, facilityKindOrder);
  return groups;
}

export async function loadContext(signal: AbortSignal): Promise<StatisticsContext> {
  const context = await send('GET', '/api/v1/statistics/context', isContext, { signal });
  // A prefecture's code is named `code` in the contract and `key` like every other group in the server's answer.
  const prefectures = (context.prefectures as (Partial<Prefecture> & { key?: string })[]).map((prefecture) => ({
    code: prefecture.code ?? prefecture.key ?? '',
    label_ja: prefecture.label_ja ?? '',
    label_en: prefecture.label_en ?? '',
  }));
  return { ...context, prefectures, bed_bands: inOrder(context.bed_bands, bedBandOrder), facility_kinds: inOrder(context.facility_kinds, facilityKindOrder) };
}

export function loadItems(fiscalYear: string, form: string, signal: AbortSignal): Promise<ItemList> {
  const params = new URLSearchParams();
  if (fiscalYear !== '') params.set('fiscal_year', fiscalYear);
  if (form !== '') params.set('form', form);
  return send('GET', `/api/v1/statistics/items?${params.toString()}`, isItemList, { signal });
}

export function loadItemStatistics(query: StatisticsQuery, signal: AbortSignal): Promise<ItemStatistics> {
  return send('GET', statisticsUrl('item', query), isItemStatistics, { signal });
}

export function loadCross(query: StatisticsQuery, signal: AbortSignal): Promise<CrossTable> {
  return send('GET', statisticsUrl('cross', query), isCross, { signal });
}

export function loadTrend(query: StatisticsQuery, signal: AbortSignal): Promise<Trend> {
  return send('GET', statisticsUrl('trend', query), isTrend, { signal });
}

export function loadRates(query: StatisticsQuery, signal: AbortSignal): Promise<Rates> {
  return send('GET', statisticsUrl('rates', query), isRates, { signal });
}

/** One indicator of MHLW's hospital surveys beside mamori's figure (GET /api/v1/statistics/indicators). */
export interface SurveyIndicator {
  id: string;
  label_ja: string;
  label_en: string;
  comparable: boolean;
  line: { item: string; row: string; number: string; title_ja: string; title_en: string; mapping_confidence: string } | null;
  mamori: { scope: string; yes: Share } | null;
  mhlw: {
    value: number;
    confidence: string;
    source: string | null;
    scope: string;
    survey: { label_ja: string; label_en: string };
  } | null;
  not_comparable_because: { code: string; text_ja: string; text_en: string }[];
}

export interface SurveyIndicators {
  fiscal_year: number;
  indicators: SurveyIndicator[];
}

const isIndicators = (body: unknown): body is SurveyIndicators => isRecord(body) && Array.isArray(body.indicators);

export function loadSurveyIndicators(fiscalYear: string, signal: AbortSignal): Promise<SurveyIndicators> {
  const params = new URLSearchParams();
  if (fiscalYear !== '') params.set('fiscal_year', fiscalYear);
  return send('GET', `/api/v1/statistics/indicators?${params.toString()}`, isIndicators, { signal });
}

/** One group's いいえ by target date (目標日): still ahead (open) or passed (overdue), of the number asked. */
export interface TargetGroup extends Labelled {
  asked: number | null;
  open: Share;
  overdue: Share;
}

export interface Targets {
  today: string;
  groups: TargetGroup[];
  total: TargetGroup;
}

const isTargets = (body: unknown): body is Targets => isRecord(body) && Array.isArray(body.groups) && isRecord(body.total);

export function loadTargets(query: StatisticsQuery, signal: AbortSignal): Promise<Targets> {
  const params = new URLSearchParams();
  for (const name of parametersOf.item) {
    if (query[name] !== '') params.set(name, query[name]);
  }
  return send('GET', `/api/v1/statistics/targets?${params.toString()}`, isTargets, { signal });
}
