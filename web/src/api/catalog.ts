// Types and calls for the public checklist catalog API (/api/v1/catalog/*). The shapes follow
// docs/catalog-format.md: forms and items are returned exactly as stored in catalog/editions/*.json,
// plus `unconfirmed` and the resolved `guideline` entries on each item.
import { getJson, isRecord } from './http';

/** V: seen in a retrieved source; S: secondary source only; I: inferred, not yet verified. */
export type Confidence = 'V' | 'S' | 'I';
export type PublishedPrecision = 'year' | 'month' | 'day' | 'unknown';
export type TargetBasis = 'printed' | 'edition' | 'item';
export type GateStatus = 'present' | 'absent' | 'unknown';
export type MappingKind = 'unchanged' | 'reworded' | 'merged' | 'split' | 'new' | 'removed';
export type CompareStatus = 'added' | 'changed' | 'unchanged' | 'removed';
export type GuidelineVolume = 'O' | 'M' | 'P' | 'C';

export interface FormSummary {
  id: string;
  title_ja: string;
  title_en: string;
  item_count: number;
}

export interface EditionSummary {
  id: string;
  revision: number;
  fiscal_year: number;
  fiscal_year_ja: string;
  published: string;
  published_precision: PublishedPrecision;
  title_ja: string;
  title_en: string;
  forms: FormSummary[];
  /** Editions known to be published after this one but not loaded (catalog.json newer_editions_known). */
  newer_known?: NewerEdition[];
}

export interface NewerEdition {
  fiscal_year: number;
  fiscal_year_ja: string;
  title_ja: string;
  title_en: string;
  published_label: string;
  source: string;
}

export interface Row {
  key: string;
  device_classes: string[];
  label_ja: string | null;
  target_fiscal_year: number | null;
  target_label_ja: string | null;
  target_basis: TargetBasis;
  target_confidence: Confidence;
  confidence: Confidence;
  note: string | null;
}

export interface GuidelineRef {
  id: string;
  volume: GuidelineVolume;
  number: string | null;
  title_ja: string | null;
  title_en: string | null;
  confidence: Confidence;
}

export interface GuidelineRefsBasis {
  confidence: Confidence | null;
  printed_ja: string | null;
  source: string | null;
  note: string | null;
}

export interface ExplanationJa {
  meaning_ja: string;
  how_ja: string;
  evidence_ja: string;
}

export interface ExplanationEn {
  meaning_en: string;
  how_en: string;
  evidence_en: string;
}

export interface Item {
  canonical_id: string;
  number: string;
  number_confidence: Confidence;
  section_id: string;
  section_ja: string;
  section_note: string | null;
  device_classes: string[];
  rows: Row[];
  text_ja: string;
  text_en: string;
  wording_note: string | null;
  wording_variants: { text_ja: string; source: string; confidence: Confidence; note: string | null }[];
  target_fiscal_year: number | null;
  target_label_ja: string | null;
  target_basis: TargetBasis;
  target_confidence: Confidence;
  target_note: string | null;
  guideline_refs: string[];
  guideline_refs_none_given: boolean;
  guideline_refs_basis: GuidelineRefsBasis;
  explanation_ja: ExplanationJa;
  explanation_en: ExplanationEn;
  applicability: { gate: boolean; requires_vendor_contract: boolean };
  source: string;
  source_basis: 'item' | 'form' | 'edition';
  sources: string[];
  confidence: Confidence;
  confidence_note: string;
  /** Added by the API: confidence === "I". */
  unconfirmed: boolean;
  /** Added by the API: guideline_refs resolved against Guideline 6.0. */
  guideline: GuidelineRef[];
}

export interface Gate {
  canonical_id: string;
  heading_ja: string;
  question_ja: string;
  question_en: string;
  effect: string;
  effect_ja: string;
  effect_en: string;
  scope_en: string;
  guideline_refs: string[];
  guideline_refs_basis: GuidelineRefsBasis;
  explanation_ja: ExplanationJa;
  explanation_en: ExplanationEn;
  source: string;
  confidence: Confidence;
  confidence_note: string;
}

export interface Section {
  section_id: string;
  number: string;
  section_ja: string;
  section_en: string;
  manual_tag_ja: string | null;
  note: string | null;
  source: string | null;
}

export interface AnswerColumn {
  id: string;
  label_ja: string;
  label_en: string;
  type: 'yes_no' | 'date';
  required: 'always' | 'if_no' | 'optional';
  confidence: Confidence;
  note: string | null;
}

export interface Form {
  id: string;
  title_ja: string;
  title_en: string;
  document_title_ja: string;
  filled_by_ja: string;
  filled_by_en: string;
  published: string | null;
  published_precision: PublishedPrecision;
  published_confidence: Confidence | null;
  published_note: string | null;
  form_applicability: { requires_vendor_contract: boolean; one_per: 'institution' | 'vendor_system'; note: string | null };
  answer_columns: AnswerColumn[];
  gate_status: GateStatus;
  gate_status_confidence: Confidence | null;
  gate: Gate | null;
  gate_note: string | null;
  sections: Section[];
  layout_note: string;
  sources: string[];
  items: Item[];
}

export interface FormResponse {
  edition: { id: string; revision: number; fiscal_year: number; title_ja: string; title_en: string };
  form: Form;
}

export interface CanonicalEntry {
  canonical_id: string;
  domain: string;
  short_ja: string;
  short_en: string;
  kind: 'gate' | 'item';
  appears_in: Record<string, Record<string, string>>;
}

/** The gate question as returned inside a form or an item history (with the API's additions). */
export type GateView = Gate & { unconfirmed?: boolean; guideline?: GuidelineRef[] };

export interface ItemHistoryEntry {
  edition: string;
  revision?: number;
  fiscal_year: number;
  form: string;
  /** An item, or the form's gate question when the history is that of PRE-00. */
  item: Item | GateView;
}

export function isGate(item: Item | GateView): item is GateView {
  return !('number' in item) && 'question_ja' in item;
}

/** A change a later guideline version made, as given in its file (`changes`), attached to the items it affects. */
export interface GuidelineChange {
  id: string;
  topic: string;
  summary_ja: string;
  summary_en: string;
  refs: string[];
  affects_canonical: string[];
  source: string;
  confidence: Confidence;
  note: string | null;
  guideline: string;
  guideline_title_ja: string;
  guideline_title_en: string;
}

/** One entry (volume, chapter, section …) of a guideline file. */
export interface GuidelineEntry {
  id: string;
  volume: string;
  kind: string;
  number: string | null;
  parent: string | null;
  title_ja: string | null;
  title_en: string | null;
  title_known: boolean;
  source: string;
  confidence: Confidence;
  note: string | null;
}

/** A guideline file (GET /api/v1/catalog/guidelines), first listed (6.0) first. */
export interface GuidelineDocument {
  id: string;
  title_ja: string;
  title_en: string;
  published: string;
  published_precision: PublishedPrecision;
  source: string;
  confidence: Confidence;
  entries: GuidelineEntry[];
  changes: Omit<GuidelineChange, 'guideline' | 'guideline_title_ja' | 'guideline_title_en'>[];
}

export interface ItemResponse {
  canonical_id: string;
  canonical: CanonicalEntry;
  history: ItemHistoryEntry[];
  guideline_changes: GuidelineChange[];
}

export interface CompareEntry {
  status: CompareStatus;
  kind: MappingKind;
  changes: string[];
  note: string | null;
  confidence: Confidence | null;
  to_item: Item | null;
  from_items: Item[];
}

/** The short edition description in a comparison (no forms, no publication date). */
export interface CompareEdition {
  id: string;
  revision: number;
  fiscal_year: number;
  fiscal_year_ja?: string;
  title_ja: string;
  title_en: string;
}

export interface CompareResponse {
  from: CompareEdition;
  to: CompareEdition;
  form: string;
  /** The earlier edition's form (the same as `form` unless the later edition merged forms). */
  from_form?: string;
  summary: Record<CompareStatus, number>;
  entries: CompareEntry[];
}

// Shape checks are shallow on purpose: they catch a wrong endpoint or an HTML page answering in place
// of JSON, not every field. The server validates the catalog itself before it starts.
function hasArray(value: unknown, key: string): value is Record<string, unknown> {
  return isRecord(value) && Array.isArray(value[key]);
}

const isEditions = (body: unknown): body is { editions: EditionSummary[] } => hasArray(body, 'editions');
const isForm = (body: unknown): body is FormResponse =>
  isRecord(body) && isRecord(body['edition']) && hasArray(body['form'], 'items');
const isItem = (body: unknown): body is ItemResponse =>
  hasArray(body, 'history') && isRecord((body as Record<string, unknown>)['canonical']);
const isCompare = (body: unknown): body is CompareResponse =>
  hasArray(body, 'entries') && isRecord((body as Record<string, unknown>)['summary']);

const base = '/api/v1/catalog';
const segment = encodeURIComponent;

const isGuidelines = (body: unknown): body is { guidelines: GuidelineDocument[] } => hasArray(body, 'guidelines');

export async function fetchGuidelines(signal?: AbortSignal): Promise<GuidelineDocument[]> {
  return (await getJson(`${base}/guidelines`, isGuidelines, signal)).guidelines;
}

export async function fetchEditions(signal?: AbortSignal): Promise<EditionSummary[]> {
  return (await getJson(`${base}/editions`, isEditions, signal)).editions;
}

export function fetchForm(edition: string, form: string, signal?: AbortSignal): Promise<FormResponse> {
  return getJson(`${base}/editions/${segment(edition)}/forms/${segment(form)}`, isForm, signal);
}

export function fetchItem(canonicalId: string, signal?: AbortSignal): Promise<ItemResponse> {
  return getJson(`${base}/items/${segment(canonicalId)}`, isItem, signal);
}

/** `fromForm`: the earlier edition's form when the later one merged it into `form` (R7 薬局確認用 → R8). */
export function fetchCompare(from: string, to: string, form: string, fromForm: string, signal?: AbortSignal): Promise<CompareResponse> {
  const query = new URLSearchParams({ from, to, form });
  if (fromForm !== '' && fromForm !== form) query.set('from_form', fromForm);
  return getJson(`${base}/compare?${query.toString()}`, isCompare, signal);
}
