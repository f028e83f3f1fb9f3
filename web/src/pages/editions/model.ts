// Reading a draft document: which mapping kind each item has against the previous edition, and what a
// validation error's JSON path points at (which form, which item, which field of the editor).
import type { MappingKind } from '../../api/catalog';
import type { DraftDocument, DraftForm, MappingForm, MappingItemRef } from '../../api/editionDrafts';

/** The mapping elements (one per earlier form) that lead from the previous edition to `form`. */
export function mappingFormsFor(document: DraftDocument, form: string): MappingForm[] {
  const edition = document.edition.id;
  return document.mappings
    .filter((mapping) => mapping.to_edition === edition)
    .flatMap((mapping) => mapping.forms.filter((element) => element.form === form));
}

export interface ItemKind {
  fromForm: string;
  kind: MappingKind;
}

/** The kind of `canonicalId` in each mapping element of its form (none for a corrected revision). */
export function itemKinds(elements: MappingForm[], canonicalId: string): ItemKind[] {
  return elements.flatMap((element) => {
    const entry = element.entries.find((candidate) => candidate.to.canonical_id === canonicalId);
    return entry === undefined ? [] : [{ fromForm: element.from_form ?? element.form, kind: entry.kind }];
  });
}

export interface RemovedItem extends MappingItemRef {
  fromForm: string;
}

export function removedItems(elements: MappingForm[]): RemovedItem[] {
  return elements.flatMap((element) => (element.removed ?? []).map((item) => ({ ...item, fromForm: element.from_form ?? element.form })));
}

/** Editor fields an item's error can be shown at (ids `draft-item-<field>`). */
export type ItemField =
  | 'number'
  | 'section'
  | 'text_ja'
  | 'text_en'
  | 'meaning_en'
  | 'how_en'
  | 'evidence_en'
  | 'meaning_ja'
  | 'how_ja'
  | 'evidence_ja'
  | 'target_fiscal_year'
  | 'rows'
  | 'guideline_refs'
  | 'source'
  | 'confidence'
  | 'other';

export type EditionField = 'title_ja' | 'fiscal_year' | 'published' | 'sources' | 'notes' | 'other';

export type ErrorPlace =
  | { kind: 'item'; formIndex: number; itemIndex: number; field: ItemField }
  | { kind: 'form'; formIndex: number }
  | { kind: 'edition'; field: EditionField }
  | { kind: 'mapping' }
  | { kind: 'other' };

function itemField(rest: string): ItemField {
  const [head = '', second = ''] = rest.split(/[.[]/);
  if (head === 'explanation_ja' && (second === 'meaning_ja' || second === 'how_ja' || second === 'evidence_ja')) return second;
  if (head === 'explanation_ja') return 'meaning_ja';
  if (head === 'explanation_en' && (second === 'meaning_en' || second === 'how_en' || second === 'evidence_en')) return second;
  if (head === 'explanation_en') return 'meaning_en';
  const direct: Record<string, ItemField> = {
    number: 'number',
    number_confidence: 'number',
    section_id: 'section',
    section_ja: 'section',
    text_ja: 'text_ja',
    wording_note: 'text_ja',
    text_en: 'text_en',
    target_fiscal_year: 'target_fiscal_year',
    target_label_ja: 'target_fiscal_year',
    target_basis: 'target_fiscal_year',
    target_confidence: 'target_fiscal_year',
    rows: 'rows',
    device_classes: 'rows',
    guideline_refs: 'guideline_refs',
    guideline_refs_none_given: 'guideline_refs',
    guideline_refs_basis: 'guideline_refs',
    source: 'source',
    sources: 'source',
    source_basis: 'source',
    confidence: 'confidence',
    confidence_note: 'confidence',
  };
  return direct[head] ?? 'other';
}

/** Where `path` (e.g. edition.forms[0].items[3].text_ja) points in the editor. */
export function errorPlace(path: string): ErrorPlace {
  const item = /^edition\.forms\[(\d+)\]\.items\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (item !== null) return { kind: 'item', formIndex: Number(item[1]), itemIndex: Number(item[2]), field: itemField(item[3] ?? '') };
  const form = /^edition\.forms\[(\d+)\]/.exec(path);
  if (form !== null) return { kind: 'form', formIndex: Number(form[1]) };
  const edition = /^edition\.([a-z_]+)/.exec(path);
  if (edition !== null) {
    const field = edition[1] ?? '';
    const known: EditionField[] = ['title_ja', 'fiscal_year', 'published', 'sources', 'notes'];
    const direct = known.find((candidate) => candidate === field);
    if (direct !== undefined) return { kind: 'edition', field: direct };
    if (field === 'published_precision' || field === 'printed_date_ja') return { kind: 'edition', field: 'published' };
    if (field === 'fiscal_year_ja' || field === 'id') return { kind: 'edition', field: 'fiscal_year' };
    return { kind: 'edition', field: 'other' };
  }
  if (path.startsWith('mappings')) return { kind: 'mapping' };
  return { kind: 'other' };
}

export function itemAt(document: DraftDocument, formIndex: number, itemIndex: number) {
  return document.edition.forms[formIndex]?.items[itemIndex] ?? null;
}

export function formAt(document: DraftDocument, formIndex: number): DraftForm | null {
  return document.edition.forms[formIndex] ?? null;
}
