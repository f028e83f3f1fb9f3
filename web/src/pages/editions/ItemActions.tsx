// What can be done to the selected item besides editing it: add a new item after it, remove it, merge
// another item into it, split it in two. Each records the mapping from the previous edition on the server.
import { useState } from 'preact/hooks';
import type { DraftForm, DraftItem, Operation } from '../../api/editionDrafts';
import { useI18n } from '../../i18n';
import { buttonClass } from '../catalog/ui';
import { dangerOutlineClass, fieldClass, helpClass, labelClass } from './ui';

type Open = 'none' | 'add' | 'remove' | 'merge' | 'split';

/** What a new item (add, split) starts with; the rest is filled in in the item editor afterwards. */
interface NewItem {
  number: string;
  text: string;
  textEn: string;
  short: string;
}

const emptyItem: NewItem = { number: '', text: '', textEn: '', short: '' };

/** The operation's item: an empty number is numbered by the server; the short name defaults to the wording. */
function itemFields(value: NewItem) {
  const text = value.text.trim();
  const textEn = value.textEn.trim();
  const short = value.short.trim() === '' ? text.slice(0, 20) : value.short.trim();
  return {
    ...(value.number.trim() === '' ? {} : { number: value.number.trim() }),
    text_ja: text,
    text_en: textEn,
    short_ja: short,
    short_en: textEn.slice(0, 60),
  };
}

function NewItemFields({ prefix, value, onChange }: { prefix: string; value: NewItem; onChange: (value: NewItem) => void }) {
  const { t } = useI18n();
  const e = t.editionEditor;
  return (
    <>
      <div>
        <label for={`${prefix}-number`} class={labelClass}>{e.fields.number}</label>
        <p id={`${prefix}-number-help`} class={helpClass}>{e.newNumberHelp}</p>
        <input id={`${prefix}-number`} class={`mt-1 ${fieldClass}`} value={value.number} aria-describedby={`${prefix}-number-help`} onInput={(ev) => onChange({ ...value, number: ev.currentTarget.value })} />
      </div>
      <div>
        <label for={`${prefix}-text`} class={labelClass}>{e.fields.text_ja}</label>
        <textarea id={`${prefix}-text`} rows={3} lang="ja" class={`mt-1 ${fieldClass}`} value={value.text} required onInput={(ev) => onChange({ ...value, text: ev.currentTarget.value })} />
      </div>
      <div>
        <label for={`${prefix}-text-en`} class={labelClass}>{e.fields.text_en}</label>
        <p id={`${prefix}-text-en-help`} class={helpClass}>{e.newTextEnHelp}</p>
        <textarea id={`${prefix}-text-en`} rows={2} lang="en" class={`mt-1 ${fieldClass}`} value={value.textEn} required aria-describedby={`${prefix}-text-en-help`} onInput={(ev) => onChange({ ...value, textEn: ev.currentTarget.value })} />
      </div>
      <div>
        <label for={`${prefix}-short`} class={labelClass}>{e.shortName}</label>
        <p id={`${prefix}-short-help`} class={helpClass}>{e.shortNameHelp}</p>
        <input id={`${prefix}-short`} class={`mt-1 ${fieldClass}`} value={value.short} aria-describedby={`${prefix}-short-help`} onInput={(ev) => onChange({ ...value, short: ev.currentTarget.value })} />
      </div>
    </>
  );
}

export function ItemActions({ item, form, apply, onSelect }: {
  item: DraftItem;
  form: DraftForm;
  apply: (operation: Operation) => Promise<boolean>;
  onSelect: (canonicalId: string | null) => void;
}) {
  const { t } = useI18n();
  const e = t.editionEditor;
  const [open, setOpen] = useState<Open>('none');
  const [fresh, setFresh] = useState<NewItem>(emptyItem);
  const others = form.items.filter((other) => other.canonical_id !== item.canonical_id);
  const [mergeWith, setMergeWith] = useState(others[0]?.canonical_id ?? '');
  const toggle = (which: Open) => {
    setOpen(open === which ? 'none' : which);
    setFresh(emptyItem);
  };
  const after = async (operation: Operation, select: (before: Set<string>) => void) => {
    const before = new Set(form.items.map((candidate) => candidate.canonical_id));
    if (await apply(operation)) {
      setOpen('none');
      select(before);
    }
  };
  const submitAdd = (event: Event) => {
    event.preventDefault();
    void after(
      { op: 'add_item', form: form.id, section: item.section_id, after: item.canonical_id, item: itemFields(fresh) },
      () => onSelect(`new-after:${item.canonical_id}`),
    );
  };
  const submitSplit = (event: Event) => {
    event.preventDefault();
    void after({ op: 'split_item', form: form.id, canonical_id: item.canonical_id, new_item: itemFields(fresh) }, () => onSelect(item.canonical_id));
  };
  const panel = 'mt-3 grid gap-3 rounded-8 border border-solid-gray-420 bg-white p-3';
  return (
    <div class="mt-6 border-t border-solid-gray-420 pt-4" data-testid="item-actions">
      <h3 class="text-std-18B-160">{e.actionsHeading}</h3>
      <div class="mt-2 flex flex-wrap gap-2">
        <button type="button" class={buttonClass} aria-expanded={open === 'add'} onClick={() => toggle('add')}>{e.addItem}</button>
        <button type="button" class={buttonClass} aria-expanded={open === 'merge'} onClick={() => toggle('merge')} disabled={others.length === 0}>{e.mergeItem}</button>
        <button type="button" class={buttonClass} aria-expanded={open === 'split'} onClick={() => toggle('split')}>{e.splitItem}</button>
        <button type="button" class={dangerOutlineClass} aria-expanded={open === 'remove'} onClick={() => toggle('remove')}>{e.removeItem}</button>
      </div>
      {open === 'add' && (
        <form class={panel} onSubmit={submitAdd} aria-label={e.addItem} data-testid="add-item-form">
          <p class={helpClass}>{e.addHelp(item.number)}</p>
          <NewItemFields prefix="add-item" value={fresh} onChange={setFresh} />
          <div><button type="submit" class={buttonClass}>{e.addSubmit}</button></div>
        </form>
      )}
      {open === 'split' && (
        <form class={panel} onSubmit={submitSplit} aria-label={e.splitItem}>
          <p class={helpClass}>{e.splitHelp(item.number)}</p>
          <NewItemFields prefix="split-item" value={fresh} onChange={setFresh} />
          <div><button type="submit" class={buttonClass}>{e.splitSubmit}</button></div>
        </form>
      )}
      {open === 'merge' && (
        <div class={panel} role="group" aria-label={e.mergeItem}>
          <label for="merge-with" class={labelClass}>{e.mergeWith}</label>
          <p class={helpClass}>{e.mergeHelp(item.number)}</p>
          <select id="merge-with" class={fieldClass} value={mergeWith} onChange={(ev) => setMergeWith(ev.currentTarget.value)}>
            {others.map((other) => (
              <option key={other.canonical_id} value={other.canonical_id} lang="ja">{`${other.number} ${other.text_ja.slice(0, 40)}`}</option>
            ))}
          </select>
          <div>
            <button type="button" class={buttonClass} onClick={() => void after({ op: 'merge_items', form: form.id, canonical_ids: [item.canonical_id, mergeWith], into: item.canonical_id }, () => onSelect(item.canonical_id))}>
              {e.mergeSubmit}
            </button>
          </div>
        </div>
      )}
      {open === 'remove' && (
        <div class={panel} role="group" aria-label={e.removeItem}>
          <p class="text-std-16N-170">{e.removeConfirm(item.number)}</p>
          <div class="flex flex-wrap gap-2">
            <button type="button" class={dangerOutlineClass} onClick={() => void after({ op: 'remove_item', form: form.id, canonical_id: item.canonical_id }, () => onSelect(null))}>
              {e.removeSubmit}
            </button>
            <button type="button" class={buttonClass} onClick={() => toggle('none')}>{t.identity.cancel}</button>
          </div>
        </div>
      )}
    </div>
  );
}
