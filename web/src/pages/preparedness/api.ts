// The preparedness records' API (src/api/preparedness_handlers.cpp, docs/preparedness-api.md). Guards are
// shallow: they catch a wrong endpoint, not every field.
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

const base = '/api/v1/preparedness';

export interface Code {
  code: string;
  label_ja: string;
  label_en: string;
  required: boolean;
}

export interface Reference {
  internal_roles: Code[];
  external_bodies: Code[];
  scenarios: Code[];
}

export interface HistoryEntry {
  version: number;
  action: 'created' | 'changed' | 'removed';
  by: string;
  at: string;
}

interface Stored {
  id: number;
  organisation_id: number;
  version: number;
  removed: boolean;
  created_at: string;
  updated_at: string;
  history: HistoryEntry[];
}

export interface ChartFields {
  reviewed_on: string | null;
  reviewer: string;
}

export type ContactKind = 'internal' | 'vendor' | 'external';

export interface ContactFields {
  kind: ContactKind;
  role: string | null;
  department: string;
  system_id: number | null;
  system_name: string;
  body: string | null;
  organisation_name: string;
  person_name: string;
  phone: string;
  email: string;
  note: string;
  position: number;
}

export type Frequency = 'daily' | 'weekly' | 'monthly' | 'other';
export type OfflineForm = 'separate_media' | 'nas_while_copying' | 'logical_cloud';

export interface BackupFields {
  system_id: number | null;
  system_name: string;
  what: string;
  frequency: Frequency;
  frequency_note: string;
  generations: number | null;
  location: string;
  offline_copy: boolean;
  offline_form: OfflineForm | null;
  responsible: string;
  note: string;
}

export type RestoreResult = 'success' | 'partial' | 'failed';

export interface RestoreTestFields {
  backup_id: number;
  tested_on: string | null;
  restored: string;
  minutes: number | null;
  result: RestoreResult;
  note: string;
}

export interface DrillFields {
  held_on: string | null;
  scenario: string;
  scenario_note: string;
  participants: string;
  problems: string;
  follow_ups: string;
}

export const eventKinds = ['detected', 'isolated', 'vendor_called', 'reported', 'restored', 'other'] as const;
export const checklistItems = ['disconnect_network', 'preserve_logs', 'call_vendor', 'report_ministry', 'report_police', 'paper_operations'] as const;
export const reportTargets = ['ministry', 'police', 'prefecture', 'health_centre', 'other'] as const;

export interface IncidentEvent {
  kind: (typeof eventKinds)[number];
  at: string;
  note: string;
}

export interface ChecklistEntry {
  item: (typeof checklistItems)[number];
  done: boolean;
  by: string;
  at: string | null;
}

export interface IncidentReport {
  to: (typeof reportTargets)[number];
  at: string;
  reference: string;
  note: string;
}

export interface IncidentFields {
  title: string;
  detected_at: string | null;
  status: 'open' | 'closed';
  summary: string;
  events: IncidentEvent[];
  checklist: ChecklistEntry[];
  reports: IncidentReport[];
  closed_at: string | null;
  lessons: string;
  bcp_rows: string[];
}

export type Chart = ChartFields & Stored;
export type Contact = ContactFields & Stored;
export type Backup = BackupFields & Stored;
export type RestoreTest = RestoreTestFields & Stored;
export type Drill = DrillFields & Stored;
export type Incident = IncidentFields & Stored;

export interface Warning {
  code: string;
  kind: string;
  record_id: number | null;
  details: string[];
}

export interface Summary {
  counts: Record<string, number>;
  open_incidents: number;
  warnings: Warning[];
}

export interface ContactChart {
  chart: Chart;
  contacts: Contact[];
  can_write: boolean;
}

function isStored(body: unknown): body is Stored {
  return isRecord(body) && typeof body.id === 'number' && typeof body.version === 'number' && Array.isArray(body.history);
}

function isList(name: string) {
  return (body: unknown): body is Record<string, unknown> & { can_write: boolean } =>
    isRecord(body) && Array.isArray(body[name]) && typeof body.can_write === 'boolean';
}

function isReference(body: unknown): body is Reference {
  return isRecord(body) && Array.isArray(body.internal_roles) && Array.isArray(body.external_bodies) && Array.isArray(body.scenarios);
}

function isSummary(body: unknown): body is Summary {
  return isRecord(body) && isRecord(body.counts) && Array.isArray(body.warnings);
}

function isChart(body: unknown): body is ContactChart {
  return isRecord(body) && isStored(body.chart) && Array.isArray(body.contacts) && typeof body.can_write === 'boolean';
}

export interface Listed<T> {
  records: T[];
  can_write: boolean;
}

async function list<T>(path: string, name: string, signal: AbortSignal): Promise<Listed<T>> {
  const answer = await send('GET', `${base}/${path}`, isList(name), { signal });
  return { records: (answer[name] as T[]).filter((record) => !(record as Stored).removed), can_write: answer.can_write };
}

export type BcpStatus = 'done' | 'not_done' | 'not_applicable';
export const bcpStatuses: readonly BcpStatus[] = ['done', 'not_done', 'not_applicable'];

export interface BcpAnswer {
  status: BcpStatus;
  note: string;
  evidence: string;
}

export type Confidence = 'V' | 'S' | 'I';

export interface BcpRow {
  code: string;
  heading_ja: string;
  summary_en: string;
  source: string;
  confidence: Confidence;
  answer: BcpAnswer | null;
  version: number;
  updated_at: string | null;
  updated_by: string | null;
}

export interface BcpPhase {
  code: string;
  label_ja: string;
  label_en: string;
  source: string;
  confidence: Confidence;
  note_ja: string;
  rows: BcpRow[];
}

export interface BcpChecklist {
  title_ja: string;
  issued_on: string;
  source: string;
  phases: BcpPhase[];
  can_write: boolean;
}

function isBcp(body: unknown): body is BcpChecklist {
  return isRecord(body) && typeof body.title_ja === 'string' && Array.isArray(body.phases) && typeof body.can_write === 'boolean';
}

export interface SavedBcpAnswer {
  row: string;
  version: number;
  updated_at: string | null;
  updated_by: string | null;
}

function isBcpAnswer(body: unknown): body is SavedBcpAnswer {
  return isRecord(body) && typeof body.row === 'string' && typeof body.version === 'number';
}

/** The rows answered in a BCP 確認表. */
export function totalRows(bcp: BcpChecklist): number {
  return bcp.phases.reduce((n, phase) => n + phase.rows.length, 0);
}

export function answeredRows(bcp: BcpChecklist): number {
  return bcp.phases.reduce((n, phase) => n + phase.rows.filter((row) => row.answer !== null).length, 0);
}

/** One row's answer; `version` is the answer's (0 when not answered yet). */
export function saveBcpAnswer(row: string, version: number, answer: BcpAnswer): Promise<SavedBcpAnswer> {
  return send('PUT', `${base}/bcp/${encodeURIComponent(row)}`, isBcpAnswer, { body: { ...answer, version } });
}

/** The documents built from the records (downloads). */
export const documentPaths = {
  chartPdf: `${base}/documents/contact-chart.pdf`,
  chartCsv: `${base}/documents/contact-chart.csv`,
  backupsPdf: `${base}/documents/backups.pdf`,
  bcpPdf: `${base}/documents/bcp.pdf`,
  bcpDocx: `${base}/documents/bcp.docx`,
};

export const preparednessApi = {
  bcp: (signal: AbortSignal) => send('GET', `${base}/bcp`, isBcp, { signal }),
  reference: (signal: AbortSignal) => send('GET', `${base}/reference`, isReference, { signal }),
  summary: (signal: AbortSignal) => send('GET', `${base}/summary`, isSummary, { signal }),
  contacts: (signal: AbortSignal) => send('GET', `${base}/contacts`, isChart, { signal }),
  review: (version: number, fields: ChartFields) => send('PUT', `${base}/contacts/review`, isStored, { body: { ...fields, version } }) as Promise<Chart>,
  backups: (signal: AbortSignal) => list<Backup>('backups', 'backups', signal),
  restoreTests: (signal: AbortSignal) => list<RestoreTest>('restore-tests', 'restore_tests', signal),
  drills: (signal: AbortSignal) => list<Drill>('drills', 'drills', signal),
  incidents: (signal: AbortSignal) => list<Incident>('incidents', 'incidents', signal),
  /** One incident, with whether the caller may change it. */
  incident: (id: number, signal: AbortSignal) => send('GET', `${base}/incidents/${id}`, isStored, { signal }) as Promise<Incident & { can_write: boolean }>,
};

/** The kinds' paths for creating, changing and removing. */
export type RecordPath = 'contacts' | 'backups' | 'restore-tests' | 'drills' | 'incidents';

export function createRecord<T>(path: RecordPath, fields: object): Promise<T> {
  return send('POST', `${base}/${path}`, isStored, { body: fields }) as Promise<T>;
}

export function updateRecord<T>(path: RecordPath, id: number, version: number, fields: object): Promise<T> {
  return send('PUT', `${base}/${path}/${id}`, isStored, { body: { ...fields, version } }) as Promise<T>;
}

export function removeRecord(path: RecordPath, id: number, version: number): Promise<unknown> {
  return send('POST', `${base}/${path}/${id}/remove`, isStored, { body: { version } });
}

/** An incident part: events, reports, checklist or close. */
export function incidentPart(id: number, part: 'events' | 'reports' | 'checklist' | 'close', version: number, body: object): Promise<Incident> {
  return send('POST', `${base}/incidents/${id}/${part}`, isStored, { body: { ...body, version } }) as Promise<Incident>;
}

/** Only the fields of `keys` from a record (its stored state and history left out). */
export function pick<T extends object>(record: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) out[key] = record[key];
  return out;
}

function isOrganisations(body: unknown): body is { organisations: { id: number; name: string }[] } {
  return isRecord(body) && Array.isArray(body.organisations);
}

/** The names of the organisations the caller sees (for an inspector: the institutions whose incidents it reads). */
export async function organisationNames(signal: AbortSignal): Promise<Map<number, string>> {
  const answer = await send('GET', '/api/v1/organisations', isOrganisations, { signal });
  return new Map(answer.organisations.map((o) => [o.id, o.name]));
}
