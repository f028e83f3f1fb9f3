// What can be done to the selected item besides editing it: add a new item after it, remove it, merge
// another item into it, split it in two. Each records the mapping from the previous edition on the server.
import { useState } from 'preact/hooks';
import type { DraftForm, DraftItem, Operation } from '../../api/editionDrafts';
import { useI18n } from '../../i18n';
import { buttonClass } from '../catalog/ui';
import { dangerOutlineClass, fieldClass, helpClass, labelClass } from './ui';

type Open = 'none' | 'add' | 'remove' | 'merge' | 'split';

/** Number and wording of a new item (add, split). */
function NewItemFields({ prefix, number, text, setNumber, setText }: {
  prefix: string;
  number: string;
  text: string;
  setNumber: (value: string) => void;
  setText: (value: string) => void;
}) {
  const { t } = useI18n();
  const f = t.editionEditor.fields;
  return (
    <>
      <div>
        <label for={`${prefix}-number`} class={labelClass}>{f.number}</label>
        <input id={`${prefix}-number`} class={`mt-1 ${fieldClass}`} value={number} required onInput={(ev) => setNumber(ev.currentTarget.value)} />
      </div>
      <div>
        <label for={`${prefix}-text`} class={labelClass}>{f.text_ja}</label>
        <textarea id={`${prefix}-text`} rows={3} lang="ja" class={`mt-1 ${fieldClass}`} value={text} required onInput={(ev) => setText(ev.currentTarget.value)} />
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
  const [number, setNumber] = useState('');
  const [text, setText] = useState('');
  const others = form.items.filter((other) => other.canonical_id !== item.canonical_id);
  const [mergeWith, setMergeWith] = useState(others[0]?.canonical_id ?? '');
  const toggle = (which: Open) => {
    setOpen(open === which ? 'none' : which);
    setNumber('');
    setText('');
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
      { op: 'add_item', form: form.id, section: item.section_id, after: item.canonical_id, item: { number: number.trim(), text_ja: text.trim() } },
      () => onSelect(`new-after:${item.canonical_id}`),
    );
  };
  const submitSplit = (event: Event) => {
    event.preventDefault();
    void after({ op: 'split_item', form: form.id, canonical_id: item.canonical_id, new_item: { number: number.trim(), text_ja: text.trim() } }, () => onSelect(item.canonical_id));
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
          <NewItemFields prefix="add-item" number={number} text={text} setNumber={setNumber} setText={setText} />
          <div><button type="submit" class={buttonClass}>{e.addSubmit}</button></div>
        </form>
      )}
      {open === 'split' && (
        <form class={panel} onSubmit={submitSplit} aria-label={e.splitItem}>
          <p class={helpClass}>{e.splitHelp(item.number)}</p>
          <NewItemFields prefix="split-item" number={number} text={text} setNumber={setNumber} setText={setText} />
          <div><button type="submit" class={buttonClass}>{e.splitSubmit}</button></div>
        </form>
      )}
      {open === 'merge' && (
        <div class={panel} role="group" aria-label={e.mergeItem}>
          <label for="merge-with" class={labelClass}>{e.mergeWith}</label>
          <p class={helpClass}>{e.mergeHelp(item.number)}</p>
          <select id="merge-with" class={fieldClass} value={mergeWith} onChange={(ev) => setMergeWith(ev.currentTarget.value)}>
            {others.map((other) => (
              <option key={other.canonical_id} value={other.canonical_id}>{`${other.number} ${other.text_ja.slice(0, 40)}`}</option>
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
