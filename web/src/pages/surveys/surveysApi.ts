// The survey module's API for an institution (docs: the survey contract of issue 18): the questionnaires its
// organisation is asked to answer, one questionnaire with the institution's response, saving a draft with the
// revision it was read at, submitting, and the response's revisions. Guards are shallow: they catch a wrong
// endpoint, not a wrong value.
import { isRecord } from '../../api/http';
import { ProblemError, send } from '../../auth/request';

export type ResponseStatus = 'not_started' | 'draft' | 'submitted';
export type Confidence = 'V' | 'S' | 'I';

/** A questionnaire version as both the list and the form name it, with its window. */
interface SurveyVersion {
  questionnaire: string;
  version: string;
  fiscal_year: number;
  title_ja: string;
  title_en: string;
  opens: string;
  closes: string;
  open: boolean;
}

export interface SurveySummary extends SurveyVersion {
  status: ResponseStatus;
  revision: number;
  updated_at: string | null;
  submitted_at: string | null;
}

export interface SurveyOption {
  id: string;
  label_ja: string;
  label_en: string;
}

export interface Question {
  id: string;
  /** Q10; null for a question known only from the published results (its number unknown). */
  number: string | null;
  text_ja: string;
  text_en: string;
  wording: 'official' | 'mamori';
  /** V, S, I or ? (unknown), as the questionnaire's data tags it. */
  confidence: Confidence | '?';
  source: string | null;
  required: boolean;
  options: SurveyOption[];
  shown_if: { question: string; options: string[] } | null;
  indicator: string | null;
}

export type Answers = Record<string, string | null>;

/** Who saved or submitted: the server may give a name or a small record with one. */
export type Person = string | { display_name?: string; name?: string } | null;

export interface SurveyResponse {
  status: ResponseStatus;
  revision: number;
  answers: Answers;
  updated_at: string | null;
  updated_by: Person;
  submitted_at: string | null;
  submitted_by: Person;
}

export interface Survey extends SurveyVersion {
  source: { url: string | null; confidence: string; note_ja: string; note_en: string } | null;
  questions: Question[];
  response: SurveyResponse;
  can_edit: boolean;
}

export interface Revision {
  revision: number;
  status: ResponseStatus;
  answers: Answers;
  at: string;
  by: Person;
}

const isSummaryList = (body: unknown): body is { surveys: SurveySummary[] } => isRecord(body) && Array.isArray(body.surveys);
const isSurvey = (body: unknown): body is Survey => isRecord(body) && Array.isArray(body.questions) && isRecord(body.response);
const isHistory = (body: unknown): body is { revisions: Revision[] } => isRecord(body) && Array.isArray(body.revisions);

// Both ids come from the address: only their shape is checked here, the server answers 404 for anything else.
const idShape = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const isSurveyId = (text: string): boolean => idShape.test(text);

const base = (questionnaire: string, version: string) => `/api/v1/surveys/${encodeURIComponent(questionnaire)}/${encodeURIComponent(version)}`;

export const surveysApi = {
  list: (signal: AbortSignal) => send('GET', '/api/v1/surveys', isSummaryList, { signal }),
  get: (questionnaire: string, version: string, signal: AbortSignal) => send('GET', base(questionnaire, version), isSurvey, { signal }),
  save: (questionnaire: string, version: string, revision: number, answers: Answers) =>
    send('PUT', `${base(questionnaire, version)}/response`, isSurvey, { body: { revision, answers } }),
  submit: (questionnaire: string, version: string, revision: number) =>
    send('POST', `${base(questionnaire, version)}/response/submit`, isSurvey, { body: { revision } }),
  history: (questionnaire: string, version: string, signal: AbortSignal) =>
    send('GET', `${base(questionnaire, version)}/response/history`, isHistory, { signal }),
};

export function personName(person: Person): string {
  if (person === null || person === undefined) return '';
  if (typeof person === 'string') return person;
  return person.display_name ?? person.name ?? '';
}

// ---- what a refused save or submission means ----

export type Refusal =
  | { kind: 'stale' }
  | { kind: 'closed' }
  | { kind: 'incomplete'; missing: string[]; onSave?: boolean }
  | { kind: 'invalid'; questions: string[] }
  | { kind: 'other'; error: unknown };

// "answers.q11" (or "answers[q11]") names question q11; a field "missing" may carry the question as its value.
const questionOfField = (field: { field: string; value?: string }): string | null => {
  const match = /^answers(?:\.|\[)([A-Za-z0-9_.-]{1,64}?)\]?$/.exec(field.field);
  if (match?.[1] !== undefined) return match[1];
  return /^missing/.test(field.field) && field.value !== undefined ? field.value : null;
};

function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * Reads a refusal however the server words it: a problem document's `code` ("conflict", "stale_revision",
 * "closed", "incomplete"), a nested `error` object, `missing` lists, or per-field errors naming "answers.q11".
 */
export function refusalOf(error: unknown): Refusal {
  if (!(error instanceof ProblemError)) return { kind: 'other', error };
  const body = error.body ?? {};
  const nested = isRecord(body['error']) ? body['error'] : {};
  const codes = [error.code, typeof nested['code'] === 'string' ? nested['code'] : null, ...error.fields.map((f) => f.reason ?? null)].filter(
    (code): code is string => code !== null,
  );
  if (error.status === 409) {
    const closed = codes.includes('closed') || /\bclosed\b|not open/i.test(error.detail ?? '');
    return closed ? { kind: 'closed' } : { kind: 'stale' };
  }
  if (error.status === 400) {
    const listed = [...stringsIn(body['missing']), ...stringsIn(nested['missing'])];
    const named = error.fields.map(questionOfField).filter((id): id is string => id !== null);
    const incomplete = codes.includes('incomplete') || codes.includes('missing') || listed.length > 0 || /incomplete|unanswered|missing/i.test(error.detail ?? '');
    if (incomplete) return { kind: 'incomplete', missing: [...new Set([...listed, ...named])] };
    if (named.length > 0) return { kind: 'invalid', questions: [...new Set(named)] };
  }
  return { kind: 'other', error };
}
