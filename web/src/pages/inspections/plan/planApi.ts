// The yearly inspection plan's API (/api/v1/inspections/…): the frequency policy, the institutions due, the
// visits and their workflow, the plan file, the summary, and the institution's own notices.
import { isRecord } from '../../../api/http';
import { send } from '../../../auth/request';

export const visitStatuses = ['planned', 'notified', 'postponed', 'done'] as const;
export type VisitStatus = (typeof visitStatuses)[number];
export const inspectionClasses = ['hospital', 'clinic_with_beds', 'clinic_without_beds', 'dental_clinic', 'pharmacy'] as const;

export interface PolicyRule {
  inspection_class: string;
  every_years: number | null;
  source: string;
  confidence: 'V' | 'S' | 'I';
  prefecture_rule: boolean;
  updated_at: string | null;
}
export interface Policy {
  prefecture_code: string;
  prefecture_name: string;
  rules: PolicyRule[];
  permissions: { edit: boolean };
}
export interface PolicyChange {
  inspection_class: string;
  every_years?: number | null;
  source?: string;
  use_default?: boolean;
}

export interface DueRow {
  organisation_id: number;
  name: string;
  kind: string;
  facility_id: string;
  inspection_class: string | null;
  due: 'due' | 'not_due' | 'on_cause';
  every_years: number | null;
  last_fiscal_year: number | null;
  next_fiscal_year: number | null;
  visit_id: number | null;
  visit_status: VisitStatus | null;
}
export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  page_size: number;
  fiscal_year: number;
}

export interface Person {
  id: number;
  name: string;
}
export interface Visit {
  id: number;
  organisation_id: number;
  institution_name: string;
  institution_kind: string;
  facility_id: string;
  inspecting_organisation_id: number;
  inspecting_organisation_name: string;
  fiscal_year: number;
  reason: 'regular' | 'cause';
  planned_on: string | null;
  checklist_due_on: string | null;
  postponed_reason: string | null;
  notified_at: string | null;
  status: VisitStatus;
  version: number;
  inspectors: Person[];
  updated_at: string;
}
export interface VisitDetail extends Visit {
  history: { action: string; detail: unknown; user_name: string; at: string }[];
}

/** One line of an import's preview; an error has a stable `code` the page words, and its parameters. */
export interface ImportLine {
  line: number;
  outcome: string;
  facility_id: string;
  visit_id: number | null;
  column: string;
  message: string;
  code?: string;
  params?: { line: number; column: string; value: string; cell: string };
}

export interface ImportResult {
  lines: ImportLine[];
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  applied: boolean;
}

export interface Summary {
  fiscal_year: number;
  institutions: number;
  due: number;
  planned: number;
  notified: number;
  postponed: number;
  inspected: number;
  with_findings: number;
  open_requests: number;
  overdue_requests: number;
  submission: { kind: string; institutions: number; submitted: number }[];
}

export interface Notice {
  visit_id: number;
  fiscal_year: number;
  inspecting_organisation_name: string;
  planned_on: string | null;
  checklist_due_on: string | null;
  assessment_id: number | null;
  assessment_status: string | null;
}

const isPolicy = (v: unknown): v is Policy => isRecord(v) && Array.isArray(v['rules']) && isRecord(v['permissions']);
const isPage = <T,>(v: unknown): v is Page<T> => isRecord(v) && Array.isArray(v['rows']) && typeof v['total'] === 'number';
const isVisit = (v: unknown): v is VisitDetail => isRecord(v) && typeof v['id'] === 'number' && Array.isArray(v['history']);
const isInspectors = (v: unknown): v is { inspectors: Person[] } => isRecord(v) && Array.isArray(v['inspectors']);
const isCreated = (v: unknown): v is { created: number[] } => isRecord(v) && Array.isArray(v['created']);
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server tells a workbook by its bytes; the type only has to be honest. */
const planFileType = (file: Blob) => (file.type === xlsxType || (file instanceof File && file.name.toLowerCase().endsWith('.xlsx')) ? xlsxType : 'text/csv');
const isImport = (v: unknown): v is ImportResult => isRecord(v) && Array.isArray(v['lines']);
const isSummary = (v: unknown): v is Summary => isRecord(v) && Array.isArray(v['submission']);
const isNotices = (v: unknown): v is { notices: Notice[] } => isRecord(v) && Array.isArray(v['notices']);

function query(params: Record<string, string | number | boolean | undefined>): string {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '' || value === 0 || value === false) continue;
    out.set(name, String(value));
  }
  const text = out.toString();
  return text === '' ? '' : `?${text}`;
}

export interface PlanScope {
  fiscalYear: number;
  healthCentre: number;
}

export const planApi = {
  policy: (signal?: AbortSignal) => send('GET', '/api/v1/inspections/policies', isPolicy, signal ? { signal } : {}),
  setPolicy: (rules: PolicyChange[]) => send('PUT', '/api/v1/inspections/policies', isPolicy, { body: { rules } }),
  due: (scope: PlanScope, all: boolean, signal?: AbortSignal) =>
    send('GET', `/api/v1/inspections/plan/due${query({ fiscal_year: scope.fiscalYear, health_centre: scope.healthCentre, all, page_size: 500 })}`, isPage<DueRow>, signal ? { signal } : {}),
  inspectors: (signal?: AbortSignal) => send('GET', '/api/v1/inspections/plan/inspectors', isInspectors, signal ? { signal } : {}),
  visits: (scope: PlanScope, filter: { status: string; month: number }, signal?: AbortSignal) =>
    send(
      'GET',
      `/api/v1/inspections/visits${query({ fiscal_year: scope.fiscalYear, health_centre: scope.healthCentre, status: filter.status, month: filter.month, page_size: 500 })}`,
      isPage<Visit>,
      signal ? { signal } : {},
    ),
  visit: (id: number, signal?: AbortSignal) => send('GET', `/api/v1/inspections/visits/${id}`, isVisit, signal ? { signal } : {}),
  create: (body: { organisation_ids: number[]; fiscal_year: number; planned_on?: string; inspectors: number[] }) =>
    send('POST', '/api/v1/inspections/visits', isCreated, { body }),
  change: (id: number, body: { version: number; planned_on?: string | null; inspectors?: number[] }) =>
    send('PATCH', `/api/v1/inspections/visits/${id}`, isVisit, { body }),
  step: (id: number, body: { version: number; action: 'notify' | 'postpone' | 'reschedule'; planned_on?: string; checklist_due_on?: string; reason?: string }) =>
    send('POST', `/api/v1/inspections/visits/${id}/transition`, isVisit, { body }),
  csvPath: (scope: PlanScope) => `/api/v1/inspections/plan.csv${query({ fiscal_year: scope.fiscalYear, health_centre: scope.healthCentre })}`,
  xlsxPath: (scope: PlanScope) => `/api/v1/inspections/plan.xlsx${query({ fiscal_year: scope.fiscalYear, health_centre: scope.healthCentre })}`,
  importPlan: (fiscalYear: number, file: Blob, confirm: boolean) =>
    send('POST', `/api/v1/inspections/plan/import${query({ fiscal_year: fiscalYear, confirm })}`, isImport, { raw: { data: file, type: planFileType(file) } }),
  summary: (scope: PlanScope, signal?: AbortSignal) =>
    send('GET', `/api/v1/inspections/summary${query({ fiscal_year: scope.fiscalYear, health_centre: scope.healthCentre })}`, isSummary, signal ? { signal } : {}),
  notices: (signal?: AbortSignal) => send('GET', '/api/v1/inspections/notices', isNotices, signal ? { signal } : {}),
};
