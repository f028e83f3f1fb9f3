// What the assessment pages work out from an assessment: the wizard's steps, which rows are open, overdue
// or to be reconfirmed, and how dates, answers and rows are written in each language.
import type { Answer, AnswerValue, Assessment, AssessmentItem, AssessmentRow } from '../../api/assessments';
import type { Language } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { rowLabel } from '../catalog/format';

/** One screen of the wizard: the gate question, or one item with all its rows. */
export type Step = { kind: 'gate' } | { kind: 'item'; item: AssessmentItem };

export function stepsOf(assessment: Assessment): Step[] {
  const items: Step[] = assessment.items.map((item) => ({ kind: 'item', item }));
  return assessment.gate === null ? items : [{ kind: 'gate' }, ...items];
}

export function isAnswered(answer: Answer | null): boolean {
  return answer !== null && answer.value !== null;
}

/** Rows to do something about: unanswered, or carried from last year and not yet confirmed. */
export function needsWork(answer: Answer | null): boolean {
  return !isAnswered(answer) || answer?.needs_reconfirmation === true;
}

/** The 1-based wizard step to resume at: the first with a row that needs work, else the last. */
export function resumeStep(assessment: Assessment): number {
  const steps = stepsOf(assessment);
  const index = steps.findIndex((step) =>
    step.kind === 'gate' ? needsWork(assessment.gate?.answer ?? null) : step.item.rows.some((row) => needsWork(row.answer)),
  );
  return index < 0 ? steps.length + 1 : index + 1;
}

export function isOverdue(answer: Answer | null, today: string): boolean {
  return answer !== null && answer.value === 'no' && answer.target_date !== null && answer.target_date < today;
}

/** A row as a reader names it: "2-④ サーバ" / "2-④ Servers", or just the number for a single row. */
export function rowName(t: Messages, language: Language, item: Pick<AssessmentItem, 'number'>, row: Pick<AssessmentRow, 'key' | 'label_ja'>): string {
  const label = rowLabel(t, language, row);
  return label === null ? item.number : `${item.number} ${label}`;
}

export function rowLabelOf(t: Messages, language: Language, row: Pick<AssessmentRow, 'key' | 'label_ja'>): string | null {
  return rowLabel(t, language, row);
}

/** "2026-05-14" → 2026年5月14日 / 14 May 2026; anything else unchanged. */
export function formatDate(iso: string | null, language: Language): string {
  if (iso === null) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (match === null) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (language === 'ja') return `${year}年${month}月${day}日`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${day} ${months[month - 1] ?? month} ${year}`;
}

/** "2026-05-14" → 2026/5/14 / 14 May 2026, for narrow table cells. */
export function shortDate(iso: string | null, language: Language): string {
  if (iso === null) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (match === null || language !== 'ja') return formatDate(iso, language);
  return `${match[1]}/${Number(match[2])}/${Number(match[3])}`;
}

export function valueLabel(t: Messages, answer: Answer | null): string {
  const a = t.assessments;
  if (answer === null || answer.value === null) return a.values.unanswered;
  if (answer.value === 'not_required') return answer.reason === 'gate' ? a.values.gate : a.values.not_required;
  return a.values[answer.value];
}

export function pickText(language: Language, ja: string, en: string): string {
  return language === 'en' && en !== '' ? en : ja;
}

/** The items and rows of an assessment in order, with their item. */
export function allRows(assessment: Assessment): { item: AssessmentItem; row: AssessmentRow }[] {
  return assessment.items.flatMap((item) => item.rows.map((row) => ({ item, row })));
}

/** A copy of the assessment with one row's answer replaced. */
export function withAnswer(assessment: Assessment, canonicalId: string, rowKey: string, answer: Answer): Assessment {
  if (assessment.gate !== null && assessment.gate.canonical_id === canonicalId) {
    return { ...assessment, gate: { ...assessment.gate, answer } };
  }
  return {
    ...assessment,
    items: assessment.items.map((item) =>
      item.canonical_id !== canonicalId
        ? item
        : { ...item, rows: item.rows.map((row) => (row.key === rowKey ? { ...row, answer } : row)) },
    ),
  };
}

/** The answer to a row, wherever it is (the gate question included). */
export function answerOf(assessment: Assessment, canonicalId: string, rowKey: string): Answer | null {
  if (assessment.gate !== null && assessment.gate.canonical_id === canonicalId) return assessment.gate.answer;
  const item = assessment.items.find((candidate) => candidate.canonical_id === canonicalId);
  return item?.rows.find((row) => row.key === rowKey)?.answer ?? null;
}

/** The wizard step that shows an item (1-based). */
export function stepOfItem(assessment: Assessment, canonicalId: string): number {
  const index = stepsOf(assessment).findIndex((step) =>
    step.kind === 'gate' ? assessment.gate?.canonical_id === canonicalId : step.item.canonical_id === canonicalId,
  );
  return index < 0 ? 1 : index + 1;
}

export function gateAnsweredNo(assessment: Assessment): boolean {
  return assessment.gate?.answer?.value === 'no';
}

/**
 * Why an item needs no answer, when it follows from another one: the gate question answered いいえ (確認不要),
 * or no contract with a system vendor (記入不要). The server then answers the rows itself.
 */
export function lockOf(assessment: Assessment, item: AssessmentItem | null): 'gate' | 'vendor' | null {
  if (item === null) return null;
  if (item.applicability.gate && gateAnsweredNo(assessment)) return 'gate';
  if (item.applicability.requires_vendor_contract && !assessment.has_vendor_contract) return 'vendor';
  return null;
}

/** The values a row may take: 記入不要 only where the institution may leave it out. */
export function allowedValues(assessment: Assessment, item: AssessmentItem | null): AnswerValue[] {
  if (item === null) return ['yes', 'no'];
  if (lockOf(assessment, item) !== null) return ['not_required'];
  return item.applicability.requires_vendor_contract ? ['yes', 'no', 'not_required'] : ['yes', 'no'];
}

/** The section names in the order the items come. */
export function sectionsOf(assessment: Assessment): string[] {
  const seen: string[] = [];
  for (const item of assessment.items) if (!seen.includes(item.section_ja)) seen.push(item.section_ja);
  return seen;
}
