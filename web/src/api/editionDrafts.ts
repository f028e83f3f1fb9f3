// Types and calls for the edition editor (/api/v1/catalog/drafts, see the HTTP contract of issue 14).
// A draft is an edition_bundle document (docs/catalog-format.md §12.1) plus who changed it and when;
// every write carries the version the page last saw, and the server answers 409 when someone saved since.
import { send } from '../auth/request';
import { isRecord } from './http';
import type { CompareResponse, Confidence, MappingKind, Row, Section } from './catalog';

export type DraftStatus = 'draft' | 'published' | 'discarded';

export interface ValidationError {
  /** JSON path inside the bundle, e.g. edition.forms[0].items[3].text_ja */
  path: string;
  /** The validator's own text (English); shown only under 技術的な詳細. */
  message: string;
}

export interface DraftValidation {
  valid: boolean;
  errors: ValidationError[];
  warnings: string[];
}

export interface DraftFormSummary {
  id: string;
  title_ja: string;
  organisation_kinds: string[];
  items: number;
}

export interface Draft {
  id: number;
  edition_id: string;
  fiscal_year: number;
  title_ja: string;
  based_on: { edition: string; revision: number } | null;
  status: DraftStatus;
  version: number;
  published_revision: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  forms: DraftFormSummary[];
  validation: DraftValidation;
}

/** The parts of an item the editor reads and writes; the rest of the item is kept as the server has it. */
export interface DraftItem {
  canonical_id: string;
  number: string;
  section_id: string;
  section_ja: string;
  device_classes: string[];
  rows: Row[];
  text_ja: string;
  text_en: string;
  target_fiscal_year: number | null;
  guideline_refs: string[];
  explanation_ja: { meaning_ja: string; how_ja: string; evidence_ja: string };
  explanation_en: { meaning_en: string; how_en: string; evidence_en: string };
  source: string;
  sources: string[];
  confidence: Confidence;
  [other: string]: unknown;
}

export interface DraftForm {
  id: string;
  title_ja: string;
  title_en: string;
  organisation_kinds?: string[];
  sections: Section[];
  items: DraftItem[];
  [other: string]: unknown;
}

export interface DraftEdition {
  id: string;
  fiscal_year: number;
  title_ja: string;
  published: string;
  published_precision: string;
  sources: string[];
  notes: string[];
  forms: DraftForm[];
  [other: string]: unknown;
}

export interface MappingItemRef {
  canonical_id: string;
  number: string;
  rows: string[];
}

export interface MappingEntry {
  to: MappingItemRef;
  from: MappingItemRef[];
  kind: Exclude<MappingKind, 'removed'>;
  changes: string[];
}

export interface MappingForm {
  form: string;
  from_form?: string;
  entries: MappingEntry[];
  removed: (MappingItemRef & { note?: string | null })[];
}

export interface Mapping {
  id: string;
  from_edition: string;
  to_edition: string;
  forms: MappingForm[];
}

export interface DraftDocument {
  kind: 'edition_bundle';
  format_version: number;
  edition: DraftEdition;
  mappings: Mapping[];
  canonical_items: unknown[];
  guideline_entries: unknown[];
  [other: string]: unknown;
}

export type DraftWithDocument = Draft & { document: DraftDocument };

export interface EditableEdition {
  id: string;
  revision: number;
  fiscal_year: number;
  title_ja: string;
}

export interface DraftList {
  drafts: Draft[];
  editable_editions: EditableEdition[];
  may_edit: boolean;
}

export interface NewDraft {
  from_edition: string;
  edition_id: string;
  fiscal_year: number;
  title_ja?: string;
  merge_forms: boolean;
}

/** The item fields an operation may set (names as in the edition format). */
export type ItemFields = Partial<
  Pick<DraftItem, 'number' | 'text_ja' | 'text_en' | 'target_fiscal_year' | 'guideline_refs' | 'source' | 'confidence' | 'rows'> & {
    section: string;
    meaning_ja: string;
    how_ja: string;
    evidence_ja: string;
    meaning_en: string;
    how_en: string;
    evidence_en: string;
  }
>;

export type EditionFields = Partial<Pick<DraftEdition, 'title_ja' | 'fiscal_year' | 'published' | 'sources' | 'notes'>>;

export type Operation =
  | { op: 'set_item'; form: string; canonical_id: string; fields: ItemFields }
  | { op: 'add_item'; form: string; section: string; after: string | null; item: ItemFields & { canonical_id?: string; short_ja?: string; short_en?: string } }
  | { op: 'remove_item'; form: string; canonical_id: string }
  | { op: 'merge_items'; form: string; canonical_ids: string[]; into: string }
  | { op: 'split_item'; form: string; canonical_id: string; new_item: ItemFields & { canonical_id?: string; short_ja?: string; short_en?: string } }
  | { op: 'set_edition'; fields: EditionFields };

export interface Published {
  edition: string;
  revision: number;
  draft: Draft;
}

const isDraftList = (body: unknown): body is DraftList => isRecord(body) && Array.isArray(body['drafts']);
const isDraft = (body: unknown): body is DraftWithDocument =>
  isRecord(body) && typeof body['id'] === 'number' && isRecord(body['document']) && isRecord(body['validation']);
const isDraftOnly = (body: unknown): body is Draft => isRecord(body) && typeof body['id'] === 'number';
const isPublished = (body: unknown): body is Published => isRecord(body) && typeof body['revision'] === 'number';
const isCompare = (body: unknown): body is CompareResponse =>
  isRecord(body) && Array.isArray(body['entries']) && isRecord(body['summary']);

const base = '/api/v1/catalog/drafts';

export const draftPaths = {
  export: (id: number) => `${base}/${id}/export`,
};

export const editionDraftApi = {
  list: (signal?: AbortSignal) => send('GET', base, isDraftList, signal ? { signal } : {}),
  create: (body: NewDraft) => send('POST', base, isDraft, { body }),
  importBundle: (file: Blob) => send('POST', `${base}/import`, isDraft, { raw: { data: file, type: 'application/json' } }),
  get: (id: number, signal?: AbortSignal) => send('GET', `${base}/${id}`, isDraft, signal ? { signal } : {}),
  save: (id: number, version: number, document: DraftDocument) =>
    send('PUT', `${base}/${id}`, isDraft, { body: { version, document } }),
  apply: (id: number, version: number, operation: Operation) =>
    send('POST', `${base}/${id}/operations`, isDraft, { body: { version, operation } }),
  compare: (id: number, form: string, fromForm: string | null, signal?: AbortSignal) => {
    const query = new URLSearchParams({ form, ...(fromForm === null ? {} : { from_form: fromForm }) });
    return send('GET', `${base}/${id}/compare?${query.toString()}`, isCompare, signal ? { signal } : {});
  },
  publish: (id: number, version: number) => send('POST', `${base}/${id}/publish`, isPublished, { body: { version } }),
  discard: (id: number) => send('DELETE', `${base}/${id}`, isDraftOnly),
};
