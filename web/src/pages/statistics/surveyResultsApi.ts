// The statistics of the surveys hospitals answer in mamori (GET /api/v1/statistics/surveys…): which
// questionnaires have responses in the caller's scope, and per question the counts of each option, for all
// hospitals or by bed band, beside the checklist's figure and MHLW's published one. Every count has been
// through small-cell suppression on the server: a hidden value is null.
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

export interface SurveyListed {
  questionnaire: string;
  version: string;
  fiscal_year: number;
  title_ja: string;
  title_en: string;
  /** Submitted responses in scope; null when fewer than the minimum count. */
  responses: number | null;
}

export interface OptionCount {
  id: string;
  label_ja: string;
  label_en: string;
  count: number | null;
  share: number | null;
}

export interface ResultGroup {
  key: string;
  label_ja: string;
  label_en: string;
  /** Respondents who were shown the question; null when suppressed. */
  total: number | null;
  options: OptionCount[];
}

export interface QuestionResult {
  id: string;
  number: string | null;
  text_ja: string;
  text_en: string;
  wording: 'official' | 'mamori';
  confidence: string;
  groups: ResultGroup[];
  /** The hospitals' はい on the checklist line that asks the same, in the same fiscal year (null values: suppressed). */
  checklist: { indicator: string; line_number: string | null; share: number | null; count?: number | null; total: number | null } | null;
  /** MHLW's published figure; `same_fiscal_year` false when it is of another year's survey. */
  mhlw: {
    value: number;
    survey_label_ja: string;
    survey_label_en?: string;
    survey_fiscal_year?: number;
    same_fiscal_year?: boolean;
    source: string | null;
    confidence: string;
  } | null;
}

export interface SurveyResults {
  query: { fiscal_year?: number; minimum_count?: number; as_of?: string; prefecture?: string | null };
  denominator_ja: string;
  denominator_en: string;
  questions: QuestionResult[];
}

export type SurveyGrouping = 'none' | 'bed_band';

const isList = (body: unknown): body is { surveys: SurveyListed[] } => isRecord(body) && Array.isArray(body.surveys);
const isResults = (body: unknown): body is SurveyResults => isRecord(body) && Array.isArray(body.questions);

export function surveyResultsUrl(questionnaire: string, version: string, by: SurveyGrouping, format: 'json' | 'csv' | 'xlsx' = 'json', lang: 'ja' | 'en' = 'ja'): string {
  const params = new URLSearchParams({ by });
  if (format !== 'json') {
    params.set('format', format);
    params.set('lang', lang);
  }
  return `/api/v1/statistics/surveys/${encodeURIComponent(questionnaire)}/${encodeURIComponent(version)}?${params.toString()}`;
}

export function loadSurveyList(signal: AbortSignal): Promise<{ surveys: SurveyListed[] }> {
  return send('GET', '/api/v1/statistics/surveys', isList, { signal });
}

export function loadSurveyResults(questionnaire: string, version: string, by: SurveyGrouping, signal: AbortSignal): Promise<SurveyResults> {
  return send('GET', surveyResultsUrl(questionnaire, version, by), isResults, { signal });
}
