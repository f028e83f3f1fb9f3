// The on-site record's API (/api/v1/inspections/visits/{id}/record…), its shapes and their guards.
import { isRecord } from '../../../api/http';
import { send } from '../../../auth/request';

export type Verdict = 'confirmed' | 'incomplete' | 'finding';
export const verdicts: readonly Verdict[] = ['confirmed', 'incomplete', 'finding'];

/** A line of the institution's checklist as it stood when the record started. */
export interface FrozenLine {
  canonical_id: string;
  row: string;
  number: string;
  text: string;
  device_classes: string;
  answer: 'yes' | 'no' | 'not_required' | null;
  confirmed_on: string | null;
  target_date: string | null;
  note: string;
  needs_reconfirmation: boolean;
  gate: boolean;
  evidence: string[];
}

export interface ChecklistOfRecord {
  exists: boolean;
  edition?: string;
  form_title?: string;
  status?: string;
  frozen_at: string;
  lines: FrozenLine[];
}

/** A line as the inspector recorded it. */
export interface RecordLine {
  canonical_id: string;
  row: string;
  verdict: Verdict;
  finding: string;
  note?: string;
  evidence_seen: string;
  version: number;
  device?: string;
}

export interface Proposal {
  canonical_id: string;
  row: string;
  missing: 'answer' | 'confirmed_on' | 'target_date';
}

export interface RecordView {
  visit_id: number;
  institution_name: string;
  fiscal_year: number;
  planned_on: string | null;
  visit_status: string;
  status: 'in_progress' | 'completed';
  summary: string;
  version: number;
  checklist_of_record: ChecklistOfRecord;
  lines: RecordLine[];
  proposals: Proposal[];
  counts: Record<Verdict, number>;
  notes_visible: boolean;
}

/** What a tablet takes away (GET …/record/package). */
export interface RecordPackage {
  format: 'mamori.inspection-package';
  visit: { id: number; fiscal_year: number; planned_on: string | null; status: string };
  institution: { id: number; name: string };
  record: { status: 'in_progress' | 'completed'; summary: string; version: number };
  checklist_of_record: ChecklistOfRecord;
  lines: RecordLine[];
  exported_at: string;
}

/** A change made on this device against the version it last saw. */
export interface LineEdit {
  canonical_id: string;
  row: string;
  verdict: Verdict;
  finding: string;
  note: string;
  evidence_seen: string;
  base_version: number;
}

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (verdicts as readonly string[]).includes(value);
}

export function isRecordLine(value: unknown): value is RecordLine {
  return (
    isRecord(value) &&
    typeof value['canonical_id'] === 'string' &&
    typeof value['row'] === 'string' &&
    isVerdict(value['verdict']) &&
    typeof value['finding'] === 'string' &&
    typeof value['version'] === 'number'
  );
}

function isChecklist(value: unknown): value is ChecklistOfRecord {
  return isRecord(value) && typeof value['exists'] === 'boolean' && Array.isArray(value['lines']);
}

export function isRecordView(value: unknown): value is RecordView {
  return (
    isRecord(value) &&
    typeof value['visit_id'] === 'number' &&
    typeof value['institution_name'] === 'string' &&
    (value['status'] === 'in_progress' || value['status'] === 'completed') &&
    isChecklist(value['checklist_of_record']) &&
    Array.isArray(value['lines']) &&
    value['lines'].every(isRecordLine)
  );
}

export function isRecordPackage(value: unknown): value is RecordPackage {
  return (
    isRecord(value) &&
    value['format'] === 'mamori.inspection-package' &&
    isRecord(value['visit']) &&
    isRecord(value['institution']) &&
    isRecord(value['record']) &&
    isChecklist(value['checklist_of_record']) &&
    Array.isArray(value['lines']) &&
    value['lines'].every(isRecordLine)
  );
}

function isSaved(value: unknown): value is { outcome: 'applied' | 'unchanged'; line: RecordLine } {
  return isRecord(value) && (value['outcome'] === 'applied' || value['outcome'] === 'unchanged') && isRecordLine(value['line']);
}

function isImported(value: unknown): value is { lines: { outcome: string; line: RecordLine }[]; completed: boolean } {
  return isRecord(value) && Array.isArray(value['lines']) && typeof value['completed'] === 'boolean';
}

export const recordPath = (visitId: number) => `/api/v1/inspections/visits/${visitId}/record`;

export const getRecord = (visitId: number) => send('GET', recordPath(visitId), isRecordView);
export const startRecord = (visitId: number) => send('POST', recordPath(visitId), isRecordView, { body: {} });
export const getPackage = (visitId: number) => send('GET', `${recordPath(visitId)}/package`, isRecordPackage);
export const completeRecord = (visitId: number, summary: string, version: number) =>
  send('POST', `${recordPath(visitId)}/complete`, isRecordView, { body: { summary, version } });

/** PUTs one line; a 409 throws a ProblemError whose body carries `current` (the server's line). */
export const saveLine = (visitId: number, edit: LineEdit, device: string) =>
  send(
    'PUT',
    `${recordPath(visitId)}/lines/${encodeURIComponent(edit.canonical_id)}/${encodeURIComponent(edit.row)}`,
    isSaved,
    {
      body: {
        verdict: edit.verdict,
        finding: edit.verdict === 'finding' ? edit.finding : '',
        note: edit.note,
        evidence_seen: edit.evidence_seen,
        base_version: edit.base_version,
        device,
      },
    },
  );

export const importRecordFile = (visitId: number, file: Blob) =>
  send('POST', `${recordPath(visitId)}/import`, isImported, { raw: { data: file, type: 'application/json' } });

export const lineKey = (line: { canonical_id: string; row: string }) => `${line.canonical_id}\u0000${line.row}`;
