// GET /api/v1/jurisdiction/checklists: one page of the institutions the caller oversees, with one fiscal
// year's checklist status; searched, sorted and paged by the server.
import { getJson, isRecord } from '../../api/http';

export type JurisdictionSort = 'name' | 'facility_id' | 'municipality' | 'status';
export const jurisdictionSorts: readonly JurisdictionSort[] = ['name', 'facility_id', 'municipality', 'status'];

export interface JurisdictionChecklist {
  id: number;
  status: 'draft' | 'submitted';
  form: string;
  edition: string;
  answered: number;
  lines: number;
  no_count: number;
  submitted_at: string | null;
}

export interface JurisdictionRow {
  organisation_id: number;
  kind: string;
  name: string;
  facility_id: string;
  municipality_code: string;
  municipality_name: string;
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
}

function isChecklist(value: unknown): value is JurisdictionChecklist | null {
  if (value === null) return true;
  return (
    isRecord(value) &&
    typeof value['id'] === 'number' &&
    (value['status'] === 'draft' || value['status'] === 'submitted') &&
    typeof value['answered'] === 'number' &&
    typeof value['lines'] === 'number' &&
    typeof value['no_count'] === 'number'
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
  return `/api/v1/jurisdiction/checklists?${params.toString()}`;
}

export function loadJurisdiction(query: JurisdictionQuery, signal: AbortSignal): Promise<JurisdictionPage> {
  return getJson(jurisdictionUrl(query), isPage, signal);
}
