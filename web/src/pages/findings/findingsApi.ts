// The findings API (src/api/findings_handlers.cpp). Guards are shallow: they catch a wrong endpoint.
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

export type FindingState = 'open' | 'in_progress' | 'mitigated' | 'risk_accepted' | 'false_positive';
export const findingStates: readonly FindingState[] = ['open', 'in_progress', 'mitigated', 'risk_accepted', 'false_positive'];

export interface Finding {
  id: number;
  organisation_id: number;
  asset: { id: number; name: string; asset_class: string; internet_facing: boolean };
  exposed: boolean;
  cve_id: string;
  state: FindingState;
  state_reason: string;
  active: boolean;
  priority: number;
  cvss_score: number | null;
  cvss_severity: string;
  kev: { date_added: string; due_date: string | null; ransomware_use: string; vulnerability_name?: string; required_action?: string } | null;
  jvn: { jvndb_id: string; title: string; summary?: string; link?: string } | null;
  matched_cpes: string[];
  first_found_at: string;
  last_matched_at: string;
  inactive_since: string | null;
  version: number;
  updated_at: string;
}

export interface FindingEvent {
  seq: number;
  action: 'found' | 'state_changed' | 'gone' | 'returned';
  from_state: string;
  to_state: string;
  reason: string;
  by: string;
  at: string;
}

export interface FindingDetail extends Finding {
  cve: { description: string; cvss_version: string; cvss_vector: string; published: string; last_modified: string };
  events: FindingEvent[];
  can_write: boolean;
}

export interface FindingsPage {
  findings: Finding[];
  total: number;
  can_write: boolean;
}

export interface FindingsSummary {
  open: number;
  open_kev: number;
  ransomware: number;
  exposed: number;
  exposed_kev: number;
  in_progress: number;
  overdue_kev: number;
  assets_affected: number;
}

export interface DeviceCheck {
  cpes: string[];
  cves: { cve_id: string; kev: boolean; ransomware_use: string; cvss_score: number | null; cvss_severity: string; matched_cpes: string[] }[];
}

export interface NationalExposure {
  institutions_with_open_kev: string;
  institutions_total: number;
  open_kev_findings: number;
  small_cell_threshold: number;
  top_cves: { cve_id: string; institutions: string; findings: number; ransomware: boolean }[];
}

const isPage = (body: unknown): body is FindingsPage => isRecord(body) && Array.isArray(body.findings) && typeof body.total === 'number';
const isSummary = (body: unknown): body is FindingsSummary => isRecord(body) && typeof body.open_kev === 'number';
const isDetail = (body: unknown): body is FindingDetail => isRecord(body) && typeof body.cve_id === 'string' && Array.isArray(body.events);
const isCheck = (body: unknown): body is DeviceCheck => isRecord(body) && Array.isArray(body.cves);
const isNational = (body: unknown): body is NationalExposure => isRecord(body) && Array.isArray(body.top_cves);

export interface ListFilter {
  state: string;
  kevOnly: boolean;
  limit: number;
}

export function loadFindings(filter: ListFilter, signal: AbortSignal): Promise<FindingsPage> {
  const query = new URLSearchParams();
  if (filter.state !== '') query.set('state', filter.state);
  if (filter.kevOnly) query.set('kev', 'true');
  query.set('limit', String(filter.limit));
  return send('GET', `/api/v1/findings?${query.toString()}`, isPage, { signal });
}

export function loadAssetFindings(assetId: number, signal: AbortSignal): Promise<FindingsPage> {
  return send('GET', `/api/v1/ledger/assets/${assetId}/findings`, isPage, { signal });
}

export function loadSummary(signal: AbortSignal): Promise<FindingsSummary> {
  return send('GET', '/api/v1/findings/summary', isSummary, { signal });
}

export function loadFinding(id: number, signal: AbortSignal): Promise<FindingDetail> {
  return send('GET', `/api/v1/findings/${id}`, isDetail, { signal });
}

export function changeState(id: number, state: FindingState, reason: string, version: number): Promise<FindingDetail> {
  return send('POST', `/api/v1/findings/${id}/state`, isDetail, { body: { state, reason, version } });
}

export function checkDevice(cpes: string[]): Promise<DeviceCheck> {
  return send('POST', '/api/v1/exposure/check', isCheck, { body: { cpes } });
}

export function loadNational(signal: AbortSignal): Promise<NationalExposure> {
  return send('GET', '/api/v1/exposure/national', isNational, { signal });
}
