// Types and calls for the self-assessment API (/api/v1/organisations/{org}/assessments, /api/v1/assessments/*,
// /api/v1/evidence/*). Writes carry the session's CSRF token. Problems keep what these pages need beyond
// auth/request.ts: the per-field messages (an `errors` list of {field, message} or an object keyed by field)
// and, on 409, the answer someone else saved first (`current`).
import { ProblemError, send, type Method } from '../auth/request';
import { ApiError, isRecord } from './http';
import type { ExplanationEn, ExplanationJa } from './catalog';

export type AnswerValue = 'yes' | 'no' | 'not_required';
export type NotRequiredReason = 'gate' | 'no_vendor_contract';
export type AssessmentStatus = 'draft' | 'submitted';
export type ExportFormat = 'pdf' | 'xlsx' | 'csv' | 'json';
export type EventKind =
  | 'created'
  | 'submitted'
  | 'reopened'
  | 'imported'
  | 'carried_forward'
  | 'vendor_contract_changed'
  | 'edition_moved'
  | 'edition_declined';

/** A recorded move onto, or refusal of, an offered edition revision. */
export interface EditionChoice {
  edition: string;
  revision: number;
  choice: 'moved' | 'declined';
  from: { edition: string; revision: number; form: string };
  carried_lines: number;
  by: Person | null;
  at: string;
}

/** A newer edition published for the checklist's fiscal year that it may move onto (ADR 0017). */
export interface EditionOffer {
  edition: string;
  revision: number;
  fiscal_year: number;
  fiscal_year_ja: string;
  title_ja: string;
  form: string;
  may_move: boolean;
  may_decline: boolean;
}

export interface Person {
  id: number;
  name: string;
}

export interface Evidence {
  id: number;
  kind: 'file' | 'link';
  file_name: string | null;
  media_type: string | null;
  size: number | null;
  url: string | null;
  title: string | null;
  added_at: string;
  added_by: Person | null;
}

export interface SecondConfirmation {
  value: 'yes' | 'no';
  confirmed_on: string;
}

export interface Answer {
  value: AnswerValue | null;
  reason: NotRequiredReason | null;
  confirmed_on: string | null;
  target_date: string | null;
  second: SecondConfirmation | null;
  note: string;
  needs_reconfirmation: boolean;
  /** The stored version (0 when nothing is stored yet); the next save names it. */
  version: number;
  /** The answer follows from another one (the gate question, no vendor contract) and is not stored. */
  derived: boolean;
  answered_by: Person | null;
  answered_at: string | null;
  evidence: Evidence[];
}

/** A row named in a progress list (an overdue target, an open いいえ). */
export interface ProgressRow {
  canonical_id: string;
  row: string;
  number: string;
  text_ja: string;
  target_date: string | null;
}

export interface RoadmapStep {
  rank: number;
  canonical_id: string;
  number: string;
  text_ja: string;
  /** Why this step comes here (not sent by every server version). */
  reason_ja?: string | null;
  reason_en?: string | null;
  how_ja: string;
  how_en: string;
  state: 'no' | 'unanswered';
}

export interface Progress {
  rows_total: number;
  rows_answered: number;
  percent: number;
  yes: number;
  no: number;
  not_required: number;
  needs_reconfirmation: number;
  overdue: ProgressRow[];
  open: ProgressRow[];
  roadmap: RoadmapStep[];
  /** Rows that block submission, and why ("not answered", "to be confirmed again (要再確認)"). */
  incomplete: { canonical_id: string; row: string; reason: string }[];
}

export interface AssessmentRow {
  key: string;
  label_ja: string | null;
  device_classes: string[];
  latest_target_date: string;
  answer: Answer | null;
}

export interface AssessmentItem {
  canonical_id: string;
  number: string;
  section_ja: string;
  text_ja: string;
  text_en: string;
  new_this_year: boolean;
  applicability: { gate: boolean; requires_vendor_contract: boolean };
  explanation_ja: ExplanationJa;
  explanation_en: ExplanationEn;
  guideline_refs: string[];
  rows: AssessmentRow[];
}

export interface AssessmentGate {
  canonical_id: string;
  heading_ja: string;
  question_ja: string;
  question_en: string;
  effect_ja: string;
  effect_en: string;
  explanation_ja: string | ExplanationJa;
  explanation_en: string | ExplanationEn;
  answer: Answer | null;
}

export interface AssessmentEvent {
  kind: EventKind | string;
  at: string;
  by: Person | null;
  reason: string | null;
}

export interface Assessment {
  id: number;
  organisation: { id: number; name: string; kind: string };
  fiscal_year: number;
  fiscal_year_ja: string;
  status: AssessmentStatus;
  version: number;
  created_at: string;
  submitted_at: string | null;
  submitted_by: Person | null;
  has_vendor_contract: boolean;
  carried_from: number | null;
  edition: { id: string; revision: number; title_ja: string; fiscal_year_ja: string };
  form: { id: string; title_ja: string; document_title_ja: string; has_second_confirmation: boolean };
  gate: AssessmentGate | null;
  items: AssessmentItem[];
  progress: Progress;
  permissions: { edit: boolean; submit: boolean; reopen: boolean };
  events: AssessmentEvent[];
  /** Not sent by older servers. */
  newer_edition?: EditionOffer | null;
  edition_choices?: EditionChoice[];
}

export interface AssessmentSummary {
  id: number;
  fiscal_year: number;
  form: string;
  edition: string;
  edition_revision: number;
  status: AssessmentStatus;
  progress: Progress;
  newer_edition?: EditionOffer | null;
}

/** A fiscal year the institution may assess, with the edition it would use and its checklist if any. */
export interface FiscalYearChoice {
  fiscal_year: number;
  fiscal_year_ja: string;
  edition: string;
  edition_fiscal_year: number;
  assessment_id: number | null;
  carry_forward_from: number | null;
  may_start: boolean;
}

export interface AssessmentList {
  assessments: AssessmentSummary[];
  /** Newest first (not sent by older servers). */
  years?: FiscalYearChoice[];
  permissions: { create: boolean };
  suggested: { fiscal_year: number; edition: string; form: string; carry_forward_from: number | null } | null;
}

export interface AnswerInput {
  version: number;
  value: AnswerValue;
  reason?: NotRequiredReason | null;
  confirmed_on?: string | null;
  target_date?: string | null;
  second?: SecondConfirmation | null;
  note?: string;
}

export interface SavedAnswer {
  answer: Answer;
  progress: Progress;
}

/** The gate question is saved as this item's only row. */
export const gateRowKey = 'main';

// ---- problems ----

/** A refused request: the API's code and detail, messages by field, and (on 409) the answer saved first. */
export class AssessmentProblem extends ApiError {
  readonly fields: Readonly<Record<string, string>>;
  readonly current: Answer | null;

  constructor(problem: ProblemError) {
    super('http', problem.status, problem.code, problem.detail);
    this.name = 'AssessmentProblem';
    const fields: Record<string, string> = {};
    for (const { field, message } of problem.fields)
      fields[field] = fields[field] === undefined ? message : `${fields[field]} / ${message}`;
    this.fields = fields;
    const current = problem.body?.['current'];
    this.current = isAnswer(current) ? normaliseAnswer(current) : null;
  }
}

type Body = { json: unknown } | { raw: Blob; type: string };

/** auth/request.ts's send, with files as raw bodies and problems as AssessmentProblem. */
async function request<T>(
  method: Method,
  path: string,
  guard: ((body: unknown) => body is T) | null,
  options: { body?: Body; signal?: AbortSignal } = {},
): Promise<T> {
  const { body, signal } = options;
  try {
    return await send(method, path, guard, {
      ...(body === undefined ? {} : 'json' in body ? { body: body.json } : { raw: { data: body.raw, type: body.type } }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    throw error instanceof ProblemError ? new AssessmentProblem(error) : error;
  }
}

// ---- guards (shallow on purpose: they catch a wrong endpoint, not every field) ----

function isAnswer(value: unknown): value is Answer {
  return isRecord(value) && typeof value['version'] === 'number' && 'value' in value;
}

function isProgress(value: unknown): value is Progress {
  return isRecord(value) && typeof value['rows_total'] === 'number' && typeof value['rows_answered'] === 'number';
}

function isAssessment(value: unknown): value is Assessment {
  return (
    isRecord(value) &&
    typeof value['id'] === 'number' &&
    Array.isArray(value['items']) &&
    isProgress(value['progress']) &&
    isRecord(value['permissions'])
  );
}

function isAssessmentList(value: unknown): value is AssessmentList {
  return isRecord(value) && Array.isArray(value['assessments']) && isRecord(value['permissions']);
}

function isSavedAnswer(value: unknown): value is SavedAnswer {
  return isRecord(value) && isAnswer(value['answer']) && isProgress(value['progress']);
}

function isHistory(value: unknown): value is { versions: Answer[] } {
  return isRecord(value) && Array.isArray(value['versions']);
}

function isEvidence(value: unknown): value is Evidence {
  return isRecord(value) && typeof value['id'] === 'number' && (value['kind'] === 'file' || value['kind'] === 'link');
}

function isImportResult(value: unknown): value is { imported_rows: number; assessment: Assessment } {
  return isRecord(value) && typeof value['imported_rows'] === 'number' && isAssessment(value['assessment']);
}

/** Fills in what an answer may leave out, so that pages can rely on the shape. */
export function normaliseAnswer(answer: Answer): Answer {
  return {
    ...answer,
    reason: answer.reason ?? null,
    confirmed_on: answer.confirmed_on ?? null,
    target_date: answer.target_date ?? null,
    second: answer.second ?? null,
    note: answer.note ?? '',
    needs_reconfirmation: answer.needs_reconfirmation === true,
    derived: answer.derived === true,
    evidence: Array.isArray(answer.evidence) ? answer.evidence : [],
    answered_by: answer.answered_by ?? null,
    answered_at: answer.answered_at ?? null,
  };
}

function normaliseProgress(progress: Progress): Progress {
  return {
    ...progress,
    overdue: Array.isArray(progress.overdue) ? progress.overdue : [],
    open: Array.isArray(progress.open) ? progress.open : [],
    roadmap: Array.isArray(progress.roadmap) ? progress.roadmap : [],
    incomplete: Array.isArray(progress.incomplete) ? progress.incomplete : [],
  };
}

function normaliseAssessment(assessment: Assessment): Assessment {
  // An answer with no value is kept: it carries the version to save against and evidence added early.
  const answer = (a: Answer | null | undefined) => (a === null || a === undefined ? null : normaliseAnswer(a));
  return {
    ...assessment,
    events: Array.isArray(assessment.events) ? assessment.events : [],
    progress: normaliseProgress(assessment.progress),
    gate: assessment.gate === null || assessment.gate === undefined ? null : { ...assessment.gate, answer: answer(assessment.gate.answer) },
    items: assessment.items.map((item) => ({ ...item, rows: item.rows.map((row) => ({ ...row, answer: answer(row.answer) })) })),
  };
}

// ---- calls ----

const segment = encodeURIComponent;
const base = '/api/v1';

export const assessmentApi = {
  list: async (organisation: number, signal?: AbortSignal): Promise<AssessmentList> => {
    const list = await request('GET', `${base}/organisations/${organisation}/assessments`, isAssessmentList, signal ? { signal } : {});
    return { ...list, assessments: list.assessments.map((a) => ({ ...a, progress: normaliseProgress(a.progress) })), suggested: list.suggested ?? null };
  },

  create: async (organisation: number, fiscalYear: number, carryForward: boolean): Promise<Assessment> =>
    normaliseAssessment(
      await request('POST', `${base}/organisations/${organisation}/assessments`, isAssessment, {
        body: { json: { fiscal_year: fiscalYear, carry_forward: carryForward } },
      }),
    ),

  get: async (id: number, signal?: AbortSignal): Promise<Assessment> =>
    normaliseAssessment(await request('GET', `${base}/assessments/${id}`, isAssessment, signal ? { signal } : {})),

  setVendorContract: async (id: number, version: number, hasVendorContract: boolean): Promise<Assessment> =>
    normaliseAssessment(
      await request('PATCH', `${base}/assessments/${id}`, isAssessment, {
        body: { json: { version, has_vendor_contract: hasVendorContract } },
      }),
    ),

  saveAnswer: async (id: number, canonicalId: string, row: string, input: AnswerInput): Promise<SavedAnswer> => {
    const saved = await request('PUT', `${base}/assessments/${id}/answers/${segment(canonicalId)}/${segment(row)}`, isSavedAnswer, {
      body: { json: input },
    });
    return { answer: normaliseAnswer(saved.answer), progress: normaliseProgress(saved.progress) };
  },

  history: async (id: number, canonicalId: string, row: string, signal?: AbortSignal): Promise<Answer[]> =>
    (
      await request('GET', `${base}/assessments/${id}/answers/${segment(canonicalId)}/${segment(row)}/history`, isHistory, signal ? { signal } : {})
    ).versions.map(normaliseAnswer),

  submit: async (id: number, version: number): Promise<Assessment> =>
    normaliseAssessment(await request('POST', `${base}/assessments/${id}/submit`, isAssessment, { body: { json: { version } } })),

  reopen: async (id: number, reason: string): Promise<Assessment> =>
    normaliseAssessment(await request('POST', `${base}/assessments/${id}/reopen`, isAssessment, { body: { json: { reason } } })),

  /** Moves the draft onto the offered edition (answers carried, each to be reconfirmed). */
  moveToEdition: async (id: number, offer: EditionOffer, version: number): Promise<Assessment> =>
    normaliseAssessment(
      await request('POST', `${base}/assessments/${id}/edition`, isAssessment, {
        body: { json: { edition: offer.edition, revision: offer.revision, version } },
      }),
    ),

  /** Keeps the checklist on its edition; the offered revision is not offered again. */
  declineEdition: async (id: number, offer: EditionOffer): Promise<Assessment> =>
    normaliseAssessment(
      await request('POST', `${base}/assessments/${id}/edition`, isAssessment, {
        body: { json: { edition: offer.edition, revision: offer.revision, decline: true } },
      }),
    ),

  uploadEvidence: (id: number, canonicalId: string, row: string, file: File): Promise<Evidence> =>
    request(
      'POST',
      `${base}/assessments/${id}/answers/${segment(canonicalId)}/${segment(row)}/evidence?${new URLSearchParams({ file_name: file.name }).toString()}`,
      isEvidence,
      { body: { raw: file, type: file.type === '' ? 'application/octet-stream' : file.type } },
    ),

  /** Attaches the preparedness document that answers 3-①, 3-② or 3-③ (rendered from the records now). */
  attachPreparednessPaper: (id: number, canonicalId: string, row: string): Promise<Evidence> =>
    request('POST', `${base}/assessments/${id}/answers/${segment(canonicalId)}/${segment(row)}/evidence/preparedness`, isEvidence, {
      body: { json: {} },
    }),

  addLink: (id: number, canonicalId: string, row: string, url: string, title: string): Promise<Evidence> =>
    request('POST', `${base}/assessments/${id}/answers/${segment(canonicalId)}/${segment(row)}/links`, isEvidence, {
      body: { json: { url, title } },
    }),

  removeEvidence: (evidenceId: number): Promise<undefined> => request('DELETE', `${base}/evidence/${evidenceId}`, null),

  import: async (id: number, file: File): Promise<{ imported_rows: number; assessment: Assessment }> => {
    const type = /\.json$/i.test(file.name)
      ? 'application/json'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const result = await request('POST', `${base}/assessments/${id}/import`, isImportResult, { body: { raw: file, type } });
    return { imported_rows: result.imported_rows, assessment: normaliseAssessment(result.assessment) };
  },
};

export const evidenceContentUrl = (evidenceId: number) => `${base}/evidence/${evidenceId}/content`;
export const exportUrl = (id: number, format: ExportFormat) => `${base}/assessments/${id}/export?format=${format}`;

/** `answer` with `evidence` (an empty, unsaved answer when there was none). */
export function withEvidence(answer: Answer | null, evidence: Evidence[]): Answer {
  return {
    ...(answer ?? {
      value: null,
      reason: null,
      confirmed_on: null,
      target_date: null,
      second: null,
      note: '',
      needs_reconfirmation: false,
      version: 0,
      derived: false,
      answered_by: null,
      answered_at: null,
    }),
    evidence,
  };
}

/** Today in Japan ("2026-05-14"): 確認日 defaults to it, and the server checks dates against it. */
export function japanToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
