// GET /api/v1/jurisdiction/checklists: one page of the institutions the caller oversees, with one fiscal
// year's checklist status; searched, sorted and paged by the server.
import { getJson, isRecord } from '../../api/http';

export type JurisdictionSort = 'name' | 'facility_id' | 'municipality' | 'status';
export const jurisdictionSorts: readonly JurisdictionSort[] = ['name', 'facility_id', 'municipality', 'status'];

export const institutionKinds = ['hospital', 'clinic', 'dental_clinic', 'pharmacy'] as const;
export type InstitutionKind = (typeof institutionKinds)[number];
export const bedBands = [
  'hospital_20_99',
  'hospital_100_199',
  'hospital_200_299',
  'hospital_300_399',
  'hospital_400_499',
  'hospital_500_plus',
  'clinic_without_beds',
  'clinic_with_beds',
] as const;
export type BedBand = (typeof bedBands)[number];
export const checklistStatuses = ['not_started', 'draft', 'submitted'] as const;
export type ChecklistStatus = (typeof checklistStatuses)[number];

/** The list's filters; '' (or false) leaves a filter off. */
export interface JurisdictionFilter {
  kind: InstitutionKind | '';
  bedBand: BedBand | '';
  status: ChecklistStatus | '';
  municipality: string;
  healthCentre: string;
  prefecture: string;
  withNo: boolean;
  overdue: boolean;
}

export const noFilter: JurisdictionFilter = { kind: '', bedBand: '', status: '', municipality: '', healthCentre: '', prefecture: '', withNo: false, overdue: false };

/** The filter's query parameters, in the API's names; off filters are left out. */
export function filterParams(filter: JurisdictionFilter): [string, string][] {
  const out: [string, string][] = [];
  if (filter.kind !== '') out.push(['kind', filter.kind]);
  if (filter.bedBand !== '') out.push(['bed_band', filter.bedBand]);
  if (filter.status !== '') out.push(['status', filter.status]);
  if (filter.municipality !== '') out.push(['municipality', filter.municipality]);
  if (filter.healthCentre !== '') out.push(['health_centre', filter.healthCentre]);
  if (filter.prefecture !== '') out.push(['prefecture', filter.prefecture]);
  if (filter.withNo) out.push(['with_no', 'true']);
  if (filter.overdue) out.push(['overdue', 'true']);
  return out;
}

/** The filter from an address's query string; unknown values are dropped. */
export function filterFrom(params: URLSearchParams): JurisdictionFilter {
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | '' => {
    const value = params.get(name) ?? '';
    return (allowed as readonly string[]).includes(value) ? (value as T) : '';
  };
  const digits = (name: string, length: number) => {
    const value = params.get(name) ?? '';
    return new RegExp(`^[0-9]{${length}}$`).test(value) ? value : '';
  };
  const centre = params.get('health_centre') ?? '';
  return {
    kind: pick('kind', institutionKinds),
    bedBand: pick('bed_band', bedBands),
    status: pick('status', checklistStatuses),
    municipality: digits('municipality', 6),
    healthCentre: /^[1-9][0-9]{0,15}$/.test(centre) ? centre : '',
    prefecture: digits('prefecture', 2),
    withNo: params.get('with_no') === 'true',
    overdue: params.get('overdue') === 'true',
  };
}

export interface JurisdictionChecklist {
  id: number;
  status: 'draft' | 'submitted';
  form: string;
  edition: string;
  answered: number;
  lines: number;
  no_count: number;
  overdue_count: number;
  submitted_at: string | null;
}

export interface JurisdictionRow {
  organisation_id: number;
  kind: string;
  name: string;
  facility_id: string;
  municipality_code: string;
  municipality_name: string;
  beds: number | null;
  bed_band: BedBand | null;
  readable: boolean;
  checklist: JurisdictionChecklist | null;
}

export interface JurisdictionPage {
  rows: JurisdictionRow[];
  total: number;
  page: number;
  page_size: number;
  fiscal_year: number;
}

export interface JurisdictionQuery {
  fiscalYear: number;
  q: string;
  page: number;
  sort: JurisdictionSort;
  filter: JurisdictionFilter;
}

function isChecklist(value: unknown): value is JurisdictionChecklist | null {
  if (value === null) return true;
  return (
    isRecord(value) &&
    typeof value['id'] === 'number' &&
    (value['status'] === 'draft' || value['status'] === 'submitted') &&
    typeof value['answered'] === 'number' &&
    typeof value['lines'] === 'number' &&
    typeof value['no_count'] === 'number' &&
    typeof value['overdue_count'] === 'number'
  );
}

function isRow(value: unknown): value is JurisdictionRow {
  return (
    isRecord(value) &&
    typeof value['organisation_id'] === 'number' &&
    typeof value['kind'] === 'string' &&
    typeof value['name'] === 'string' &&
    typeof value['facility_id'] === 'string' &&
    typeof value['municipality_code'] === 'string' &&
    typeof value['municipality_name'] === 'string' &&
    (value['beds'] === null || typeof value['beds'] === 'number') &&
    (value['bed_band'] === null || (typeof value['bed_band'] === 'string' && (bedBands as readonly string[]).includes(value['bed_band']))) &&
    typeof value['readable'] === 'boolean' &&
    isChecklist(value['checklist'])
  );
}

function isPage(body: unknown): body is JurisdictionPage {
  return (
    isRecord(body) &&
    Array.isArray(body['rows']) &&
    body['rows'].every(isRow) &&
    typeof body['total'] === 'number' &&
    typeof body['page'] === 'number' &&
    typeof body['page_size'] === 'number' &&
    typeof body['fiscal_year'] === 'number'
  );
}

export function jurisdictionUrl(query: JurisdictionQuery): string {
  const params = new URLSearchParams({ fiscal_year: String(query.fiscalYear), page: String(query.page), sort: query.sort });
  if (query.q !== '') params.set('q', query.q);
  for (const [name, value] of filterParams(query.filter)) params.set(name, value);
  return `/api/v1/jurisdiction/checklists?${params.toString()}`;
}

export function loadJurisdiction(query: JurisdictionQuery, signal: AbortSignal): Promise<JurisdictionPage> {
  return getJson(jurisdictionUrl(query), isPage, signal);
}

export interface Choice {
  value: string;
  name: string;
}

/** GET /api/v1/jurisdiction/choices: what the place filters offer the caller. */
export interface JurisdictionChoices {
  municipalities: Choice[];
  health_centres: Choice[];
  prefectures: Choice[];
}

function isChoices(value: unknown): value is Choice[] {
  return Array.isArray(value) && value.every((c) => isRecord(c) && typeof c['value'] === 'string' && typeof c['name'] === 'string');
}

function isJurisdictionChoices(body: unknown): body is JurisdictionChoices {
  return isRecord(body) && isChoices(body['municipalities']) && isChoices(body['health_centres']) && isChoices(body['prefectures']);
}

export function loadJurisdictionChoices(signal: AbortSignal): Promise<JurisdictionChoices> {
  return getJson('/api/v1/jurisdiction/choices', isJurisdictionChoices, signal);
}
