// One item's fields: number, section, wording (文言), 意味 / やり方 / 証拠, target year, rows and device
// classes, guideline references, source and 確度. Only the fields that changed are sent.
import { useState } from 'preact/hooks';
import type { Confidence, Row } from '../../api/catalog';
import type { DraftForm, DraftItem, ItemFields } from '../../api/editionDrafts';
import { useI18n } from '../../i18n';
import { primaryButtonClass } from '../catalog/ui';
import { pick } from '../catalog/format';
import { RowsEditor } from './RowsEditor';
import { confidenceLevels, fieldClass, helpClass, labelClass } from './ui';

interface Values {
  number: string;
  section: string;
  text_ja: string;
  meaning_ja: string;
  how_ja: string;
  evidence_ja: string;
  text_en: string;
  meaning_en: string;
  how_en: string;
  evidence_en: string;
  target: string;
  rows: Row[];
  refs: string;
  source: string;
  confidence: Confidence;
}

function valuesOf(item: DraftItem): Values {
  return {
    number: item.number,
    section: item.section_id,
    text_ja: item.text_ja,
    meaning_ja: item.explanation_ja.meaning_ja,
    how_ja: item.explanation_ja.how_ja,
    evidence_ja: item.explanation_ja.evidence_ja,
    text_en: item.text_en,
    meaning_en: item.explanation_en?.meaning_en ?? '',
    how_en: item.explanation_en?.how_en ?? '',
    evidence_en: item.explanation_en?.evidence_en ?? '',
    target: item.target_fiscal_year === null ? '' : String(item.target_fiscal_year),
    rows: item.rows,
    refs: item.guideline_refs.join(' '),
    source: item.source,
    confidence: item.confidence,
  };
}

const splitRefs = (text: string) => text.split(/[\s,、]+/).filter((ref) => ref !== '');

/** The fields that differ from the item as saved. */
function changedFields(item: DraftItem, values: Values): ItemFields {
  const before = valuesOf(item);
  const fields: ItemFields = {};
  if (values.number !== before.number) fields.number = values.number.trim();
  if (values.section !== before.section) fields.section = values.section;
  if (values.text_ja !== before.text_ja) fields.text_ja = values.text_ja.trim();
  if (values.meaning_ja !== before.meaning_ja) fields.meaning_ja = values.meaning_ja.trim();
  if (values.how_ja !== before.how_ja) fields.how_ja = values.how_ja.trim();
  if (values.evidence_ja !== before.evidence_ja) fields.evidence_ja = values.evidence_ja.trim();
  for (const key of ['text_en', 'meaning_en', 'how_en', 'evidence_en'] as const)
    if (values[key] !== before[key]) fields[key] = values[key].trim();
  if (values.target !== before.target) fields.target_fiscal_year = values.target === '' ? null : Number(values.target);
  if (JSON.stringify(values.rows) !== JSON.stringify(before.rows)) fields.rows = values.rows;
  if (values.refs !== before.refs) fields.guideline_refs = splitRefs(values.refs);
  if (values.source !== before.source) fields.source = values.source.trim();
  if (values.confidence !== before.confidence) fields.confidence = values.confidence;
  return fields;
}

function TextArea({ field, label, help, value, rows, disabled, onInput, lang = 'ja' }: {
  field: string;
  lang?: string;
  label: string;
  help?: string;
  value: string;
  rows: number;
  disabled: boolean;
  onInput: (value: string) => void;
}) {
  return (
    <div>
      <label for={`draft-item-${field}`} class={labelClass}>{label}</label>
      {help !== undefined && <p id={`draft-item-${field}-help`} class={helpClass}>{help}</p>}
      <textarea
        id={`draft-item-${field}`}
        rows={rows}
        lang={lang}
        class={`mt-1 ${fieldClass}`}
        value={value}
        disabled={disabled}
        {...(help === undefined ? {} : { 'aria-describedby': `draft-item-${field}-help` })}
        onInput={(ev) => onInput(ev.currentTarget.value)}
      />
    </div>
  );
}

// Keyed by item and draft version, so it starts again from what the server saved; `justSaved` says that the
// last write was this item's.
export function ItemEditor({ item, form, disabled, justSaved, onSave }: {
  item: DraftItem;
  form: DraftForm;
  disabled: boolean;
  justSaved: boolean;
  onSave: (fields: ItemFields) => Promise<boolean>;
}) {
  const { t, language } = useI18n();
  const e = t.editionEditor;
  const f = e.fields;
  const [values, setValues] = useState(() => valuesOf(item));
  const [edited, setEdited] = useState(false);
  const set = (patch: Partial<Values>) => {
    setEdited(true);
    setValues({ ...values, ...patch });
  };
  const saved = justSaved && !edited;
  const changes = changedFields(item, values);
  const dirty = Object.keys(changes).length > 0;

  // A new target year moves every row that had the old one along with it.
  const setTarget = (target: string) => {
    const year = target === '' ? null : Number(target);
    const rows = values.rows.map((row) => (row.target_fiscal_year === item.target_fiscal_year ? { ...row, target_fiscal_year: year } : row));
    set({ target, rows });
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!dirty) return;
    await onSave(changes);
  };

  return (
    <form class="grid gap-4" onSubmit={onSubmit} data-testid="item-editor">
      <div class="grid gap-4 sm:grid-cols-2">
        <div>
          <label for="draft-item-number" class={labelClass}>{f.number}</label>
          <input id="draft-item-number" class={`mt-1 ${fieldClass}`} value={values.number} disabled={disabled} onInput={(ev) => set({ number: ev.currentTarget.value })} />
        </div>
        <div>
          <label for="draft-item-section" class={labelClass}>{f.section}</label>
          <select id="draft-item-section" class={`mt-1 ${fieldClass}`} value={values.section} disabled={disabled} onChange={(ev) => set({ section: ev.currentTarget.value })}>
            {form.sections.map((section) => (
              <option key={section.section_id} value={section.section_id}>
                {`${section.number} ${pick(language, section.section_ja, section.section_en)}`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <TextArea field="text_ja" label={f.text_ja} help={e.textHelp} value={values.text_ja} rows={3} disabled={disabled} onInput={(text_ja) => set({ text_ja })} />
      <TextArea field="meaning_ja" label={f.meaning_ja} help={e.meaningHelp} value={values.meaning_ja} rows={3} disabled={disabled} onInput={(meaning_ja) => set({ meaning_ja })} />
      <TextArea field="how_ja" label={f.how_ja} help={e.howHelp} value={values.how_ja} rows={3} disabled={disabled} onInput={(how_ja) => set({ how_ja })} />
      <TextArea field="evidence_ja" label={f.evidence_ja} help={e.evidenceHelp} value={values.evidence_ja} rows={2} disabled={disabled} onInput={(evidence_ja) => set({ evidence_ja })} />
      <div>
        <label for="draft-item-target_fiscal_year" class={labelClass}>{f.target_fiscal_year}</label>
        <p id="draft-item-target-help" class={helpClass}>
          {values.target === '' ? e.targetNone : e.targetHelp(t.assessments.fiscalYear(Number(values.target)))}
        </p>
        <input
          id="draft-item-target_fiscal_year"
          type="number"
          inputMode="numeric"
          class={`mt-1 w-32 ${fieldClass}`}
          value={values.target}
          disabled={disabled}
          aria-describedby="draft-item-target-help"
          onInput={(ev) => setTarget(ev.currentTarget.value)}
        />
      </div>
      <RowsEditor rows={values.rows} targetYear={values.target === '' ? null : Number(values.target)} disabled={disabled} onChange={(rows) => set({ rows })} />
      <fieldset class="grid gap-3 rounded-8 border border-solid-gray-420 p-3">
        <legend class="px-1 text-dns-16B-120">{e.englishHeading}</legend>
        <p class={helpClass}>{e.englishHelp}</p>
        <TextArea field="text_en" lang="en" label={f.text_en} value={values.text_en} rows={2} disabled={disabled} onInput={(text_en) => set({ text_en })} />
        <TextArea field="meaning_en" lang="en" label={f.meaning_en} value={values.meaning_en} rows={2} disabled={disabled} onInput={(meaning_en) => set({ meaning_en })} />
        <TextArea field="how_en" lang="en" label={f.how_en} value={values.how_en} rows={2} disabled={disabled} onInput={(how_en) => set({ how_en })} />
        <TextArea field="evidence_en" lang="en" label={f.evidence_en} value={values.evidence_en} rows={2} disabled={disabled} onInput={(evidence_en) => set({ evidence_en })} />
      </fieldset>
      <div>
        <label for="draft-item-guideline_refs" class={labelClass}>{f.guideline_refs}</label>
        <p id="draft-item-refs-help" class={helpClass}>{e.refsHelp}</p>
        <input id="draft-item-guideline_refs" class={`mt-1 ${fieldClass}`} value={values.refs} disabled={disabled} aria-describedby="draft-item-refs-help" onInput={(ev) => set({ refs: ev.currentTarget.value })} />
      </div>
      <div>
        <label for="draft-item-source" class={labelClass}>{f.source}</label>
        <p id="draft-item-source-help" class={helpClass}>{e.sourceHelp}</p>
        <input id="draft-item-source" type="url" class={`mt-1 ${fieldClass}`} value={values.source} disabled={disabled} aria-describedby="draft-item-source-help" onInput={(ev) => set({ source: ev.currentTarget.value })} />
      </div>
      <div>
        <label for="draft-item-confidence" class={labelClass}>{f.confidence}</label>
        <select id="draft-item-confidence" class={`mt-1 ${fieldClass}`} value={values.confidence} disabled={disabled} onChange={(ev) => set({ confidence: ev.currentTarget.value as Confidence })}>
          {confidenceLevels.map((level) => (
            <option key={level} value={level}>
              {e.confidence[level]}
            </option>
          ))}
        </select>
      </div>
      {!disabled && (
        <div class="flex flex-wrap items-center gap-3">
          <button type="submit" id="draft-item-save" class={primaryButtonClass} data-testid="save-item">
            {e.saveItem}
          </button>
          <p role="status" class="text-std-16N-170 text-solid-gray-800">
            {saved ? e.itemSaved : dirty ? e.itemUnsaved : ''}
          </p>
        </div>
      )}
    </form>
  );
}
