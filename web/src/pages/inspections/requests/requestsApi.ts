// Improvement requests (改善指導), the pre-visit package and the institution's inspections: the API of
// src/api/improvement_request_handlers.cpp. Guards are shallow: they catch a wrong endpoint, not every field.
import { isRecord } from '../../../api/http';
import { send } from '../../../auth/request';

export type RequestStatus = 'open' | 'plan_submitted' | 'completion_reported' | 'returned' | 'closed';
export type RequestAction = 'submit_plan' | 'report_completion' | 'close' | 'send_back';

export interface RequestEvent {
  id: number;
  action: string;
  text: string;
  file_name: string | null;
  by: string;
  by_side: 'inspector' | 'institution';
  at: string;
}

export interface ImprovementRequest {
  id: number;
  visit_id: number;
  organisation_id: number;
  organisation_name: string;
  inspecting_organisation_name: string;
  fiscal_year: number;
  visit_on: string | null;
  canonical_id: string | null;
  item_label: string;
  item_text: string;
  finding: string;
  text: string;
  due_on: string;
  status: RequestStatus;
  version: number;
  overdue: boolean;
  side: 'inspector' | 'institution';
  actions: string[];
  events: RequestEvent[];
  created_at: string;
}

export interface RequestItem {
  canonical_id: string;
  label: string;
  text: string;
  finding: string;
  answered_no: boolean;
}

export interface VisitRequests {
  visit_id: number;
  organisation_name: string;
  fiscal_year: number;
  visit_on: string | null;
  visit_status: string;
  record_status: string | null;
  can_create: boolean;
  requests: ImprovementRequest[];
  items: RequestItem[];
}

export interface PackageLine {
  label: string;
  text: string;
  target_date: string;
  overdue: boolean;
}

export interface Package {
  fiscal_year: number;
  institution: { name: string; kind: string; facility_id: string; address: string; municipality_name: string; beds: number | null };
  checklist: { status: 'none' | 'draft' | 'submitted'; submitted_at: string; answered: number; lines: number };
  no_lines: PackageLine[];
  overdue: PackageLine[];
  has_last_year: boolean;
  changes: { line: PackageLine; before: string; after: string }[];
  vendor_forms_available: boolean;
  last_visit: { fiscal_year: number; visited_on: string; open_requests: number } | null;
  last_findings: { label: string; finding: string; request_status: RequestStatus | null; request_due_on: string }[];
}

export interface InspectionHistory {
  organisation_id: number;
  organisation_name: string;
  visits: {
    id: number;
    fiscal_year: number;
    status: string;
    planned_on: string | null;
    notified_at: string | null;
    checklist_due_on: string | null;
    inspecting_organisation_name: string;
    has_result: boolean;
    summary: string;
    findings: RequestItem[];
  }[];
  requests: ImprovementRequest[];
  overdue: number;
  open: number;
}

const isRequest = (v: unknown): v is ImprovementRequest => isRecord(v) && typeof v['id'] === 'number' && typeof v['status'] === 'string';
const isList = (v: unknown): v is { requests: ImprovementRequest[]; overdue: number } => isRecord(v) && Array.isArray(v['requests']);
const isVisit = (v: unknown): v is VisitRequests => isRecord(v) && Array.isArray(v['items']) && Array.isArray(v['requests']);
const isPackage = (v: unknown): v is Package => isRecord(v) && isRecord(v['institution']) && Array.isArray(v['no_lines']);
const isHistory = (v: unknown): v is InspectionHistory => isRecord(v) && Array.isArray(v['visits']);
const isUpload = (v: unknown): v is { sha256: string; file_name: string } => isRecord(v) && typeof v['sha256'] === 'string';

export const requestPaths = {
  list: '/improvement-requests',
  detail: (id: number) => `/improvement-requests/${id}`,
  visit: (visitId: number) => `/inspections/visits/${visitId}/requests`,
  package: (visitId: number) => `/inspections/visits/${visitId}/package`,
};

export const requestFiles = {
  document: (id: number) => `/api/v1/improvement-requests/${id}/document`,
  evidence: (id: number, step: number) => `/api/v1/improvement-requests/${id}/steps/${step}/evidence`,
  packagePdf: (visitId: number) => `/api/v1/inspections/visits/${visitId}/package?format=pdf`,
  resultNotice: (visitId: number) => `/api/v1/inspections/visits/${visitId}/documents/result-notice`,
};

export const loadRequests = (signal: AbortSignal, overdueOnly = false) =>
  send('GET', `/api/v1/improvement-requests${overdueOnly ? '?overdue=true' : ''}`, isList, { signal });
export const loadRequest = (id: number, signal: AbortSignal) => send('GET', `/api/v1/improvement-requests/${id}`, isRequest, { signal });
export const loadVisitRequests = (visitId: number, signal: AbortSignal) =>
  send('GET', `/api/v1/inspections/visits/${visitId}/improvement-requests`, isVisit, { signal });
export const loadPackage = (visitId: number, signal: AbortSignal) => send('GET', `/api/v1/inspections/visits/${visitId}/package`, isPackage, { signal });
export const loadHistory = (organisationId: number, signal: AbortSignal) =>
  send('GET', `/api/v1/organisations/${organisationId}/inspections`, isHistory, { signal });

export const createRequest = (input: { visit_id: number; canonical_id: string; text: string; due_on: string }) =>
  send('POST', '/api/v1/improvement-requests', isRequest, { body: input });
export const editRequest = (id: number, input: { version: number; canonical_id: string; text: string; due_on: string }) =>
  send('PUT', `/api/v1/improvement-requests/${id}`, isRequest, { body: input });
export const takeStep = (
  id: number,
  input: { version: number; action: RequestAction; text: string; evidence?: { sha256: string; file_name: string } },
) => send('POST', `/api/v1/improvement-requests/${id}/steps`, isRequest, { body: input });
export const uploadEvidence = (id: number, file: File) =>
  send('POST', `/api/v1/improvement-requests/${id}/evidence?file_name=${encodeURIComponent(file.name)}`, isUpload, {
    raw: { data: file, type: file.type === '' ? 'application/octet-stream' : file.type },
  });
