// The 事業者確認用 form as the pages show it: sections in order, their items, each item's rows. The server
// sends the catalog's form (`form_json`), either as the catalog endpoint answers ({edition, form}) or the
// form alone, with items flat (section_id) or nested in their sections; all come out the same here.
import type { AnswerValue } from '../../api/assessments';
import { isRecord } from '../../api/http';
import type { AnswerLine } from './api';

export interface FormRow {
  key: string;
  label_ja: string | null;
}

export interface FormItem {
  canonical_id: string;
  number: string;
  text_ja: string;
  text_en: string;
  /** 記入不要 may be chosen. */
  allows_not_required: boolean;
  rows: FormRow[];
}

export interface FormSection {
  id: string;
  title_ja: string;
  title_en: string;
  items: FormItem[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function rowsOf(value: unknown): FormRow[] {
  if (!Array.isArray(value) || value.length === 0) return [{ key: 'main', label_ja: null }];
  return value.filter(isRecord).map((row) => ({ key: text(row['key']) || 'main', label_ja: typeof row['label_ja'] === 'string' ? row['label_ja'] : null }));
}

function itemOf(value: Record<string, unknown>): FormItem {
  const applicability = isRecord(value['applicability']) ? value['applicability'] : {};
  return {
    canonical_id: text(value['canonical_id']),
    number: text(value['number']),
    text_ja: text(value['text_ja']),
    text_en: text(value['text_en']),
    allows_not_required: applicability['requires_vendor_contract'] === true,
    rows: rowsOf(value['rows']),
  };
}

export function sectionsOf(formJson: unknown): FormSection[] {
  const form = isRecord(formJson) && isRecord(formJson['form']) ? formJson['form'] : formJson;
  if (!isRecord(form)) return [];
  const sections = Array.isArray(form['sections']) ? form['sections'].filter(isRecord) : [];
  const flat = Array.isArray(form['items']) ? form['items'].filter(isRecord) : [];
  const shown: FormSection[] = sections.map((section) => ({
    id: text(section['section_id']) || text(section['id']),
    title_ja: text(section['section_ja']) || text(section['title_ja']),
    title_en: text(section['section_en']) || text(section['title_en']),
    items: Array.isArray(section['items']) ? section['items'].filter(isRecord).map(itemOf) : [],
  }));
  for (const item of flat) {
    const id = text(item['section_id']);
    let section = shown.find((candidate) => candidate.id === id);
    if (section === undefined) {
      section = { id, title_ja: text(item['section_ja']), title_en: '', items: [] };
      shown.push(section);
    }
    section.items.push(itemOf(item));
  }
  return shown.filter((section) => section.items.length > 0);
}

export function allRows(sections: FormSection[]): { item: FormItem; row: FormRow }[] {
  return sections.flatMap((section) => section.items.flatMap((item) => item.rows.map((row) => ({ item, row }))));
}

export const lineKey = (canonicalId: string, rowKey: string) => `${canonicalId}/${rowKey}`;

export function emptyLine(canonicalId: string, rowKey: string): AnswerLine {
  return { canonical_id: canonicalId, row_key: rowKey, value: null, confirmed_on: null, target_date: null, note: '' };
}

export function indexLines(lines: AnswerLine[]): Map<string, AnswerLine> {
  return new Map(lines.map((line) => [lineKey(line.canonical_id, line.row_key), line]));
}

export function allowedValues(item: FormItem): AnswerValue[] {
  return item.allows_not_required ? ['yes', 'no', 'not_required'] : ['yes', 'no'];
}

/** A line with something in it (a value, a date or a note); empty lines are not sent. */
export function isFilled(line: AnswerLine): boolean {
  return line.value !== null || line.confirmed_on !== null || line.target_date !== null || line.note !== '';
}

export function sameLine(a: AnswerLine | undefined, b: AnswerLine | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.value === b.value && a.confirmed_on === b.confirmed_on && a.target_date === b.target_date && a.note === b.note;
}
