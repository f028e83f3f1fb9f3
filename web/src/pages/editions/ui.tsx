// Small pieces shared by the editor's pages: field classes, the mapping-kind badge, dates and the
// 409 notice.
import type { Confidence, MappingKind } from '../../api/catalog';
import type { ApiError } from '../../api/http';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { buttonClass } from '../catalog/ui';

export const fieldClass =
  'block min-h-11 w-full rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 text-solid-gray-900';
export const labelClass = 'block text-dns-16B-120 text-solid-gray-900';
export const helpClass = 'mt-1 text-dns-14N-130 text-solid-gray-700';
export const dangerOutlineClass =
  'inline-flex min-h-11 items-center justify-center gap-1 rounded-8 border border-red-900 bg-white px-3 text-dns-16B-120 text-red-900 hover:bg-red-50 hover:underline';

const kindStyle: Record<MappingKind, string> = {
  unchanged: 'border-solid-gray-536 bg-white text-solid-gray-800',
  reworded: 'border-yellow-900 bg-yellow-100 text-solid-gray-900',
  merged: 'border-blue-900 bg-blue-50 text-blue-1000',
  split: 'border-blue-900 bg-blue-50 text-blue-1000',
  new: 'border-green-800 bg-green-800 text-white',
  removed: 'border-red-900 bg-red-900 text-white',
};

/** 変更なし / 文言変更 / 統合 / 分割 / 新規 / 削除, by word as well as colour. */
export function KindBadge({ kind, prefix }: { kind: MappingKind; prefix?: string }) {
  const { t } = useI18n();
  return (
    <span
      class={`inline-flex items-center whitespace-nowrap rounded-4 border px-1.5 py-0.5 text-dns-14B-120 ${kindStyle[kind]}`}
      data-testid="kind-badge"
      data-kind={kind}
    >
      {prefix === undefined ? t.editionEditor.kinds[kind] : `${prefix}: ${t.editionEditor.kinds[kind]}`}
    </span>
  );
}

export const confidenceLevels: readonly Confidence[] = ['V', 'S', 'I'];

/** "2026-06-01T09:30:00Z" → the local date and time in the page's language. */
export function formatWhen(language: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short' });
}

export function fiscalYearName(t: Messages, fiscalYear: number): string {
  return t.assessments.fiscalYear(fiscalYear);
}

/** An edition id ("r7") as its name (令和7年度版); an id of another shape as it is. */
export function editionIdName(t: Messages, id: string): string {
  const match = /^r(\d{1,2})$/.exec(id);
  return match?.[1] === undefined ? id : t.catalog.editionName(2018 + Number(match[1]));
}

/** Someone else saved the draft since this page loaded it. */
export function ConflictNotice({ onReload }: { onReload: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" class="mt-4 rounded-8 border-2 border-warning-yellow-2 bg-yellow-50 p-4" data-testid="draft-conflict">
      <p class="text-std-16B-170 text-solid-gray-900">{t.editionEditor.conflictHeading}</p>
      <p class="mt-1 text-std-16N-170">{t.editionEditor.conflictBody}</p>
      <button type="button" class={`mt-3 ${buttonClass}`} onClick={onReload}>
        {t.editionEditor.conflictReload}
      </button>
    </div>
  );
}

/** 409 on publishing a draft that equals the edition's current revision (the server names `document`). */
export function nothingToPublish(error: ApiError): boolean {
  return error.status === 409 && error instanceof ProblemError && error.fields.some((field) => field.field === 'document');
}

/** A refusal or failure of a write, in plain words; the server's text only under 技術的な詳細. */
export function WriteProblem({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const e = t.editionEditor;
  const text =
    error.kind === 'network'
      ? e.problemNetwork
      : nothingToPublish(error)
        ? e.nothingToPublish
        : error.status === 400 || error.status === 422
          ? e.problemRefused
          : e.problemServer;
  return (
    <div role="alert" class="mt-4 rounded-8 border-2 border-red-900 bg-red-50 p-4" data-testid="draft-problem">
      <p class="text-std-16N-170">{text}</p>
      {error.detail !== null && <TechnicalDetails text={error.detail} />}
    </div>
  );
}

export function TechnicalDetails({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <details class="mt-2 text-dns-14N-130 text-solid-gray-800">
      <summary class="cursor-pointer">{t.editionEditor.technicalDetails}</summary>
      <p class="mt-1 break-words" lang="en">
        {text}
      </p>
    </details>
  );
}

/** A form's Japanese name: the draft's own title, else the catalog's name, else the editor's list. */
export function formName(t: Messages, id: string, forms: readonly { id: string; title_ja: string }[] = []): string {
  const own = forms.find((form) => form.id === id)?.title_ja;
  if (own !== undefined && own !== '') return own;
  const catalog: Record<string, string> = t.catalog.formTitles;
  const editor: Record<string, string> = t.editionEditor.formNames;
  return catalog[id] ?? editor[id] ?? t.editionEditor.unknownForm;
}
