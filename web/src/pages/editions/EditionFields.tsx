// The edition's own fields: title, fiscal year, published date, sources (one per line) and notes.
import { useState } from 'preact/hooks';
import type { DraftEdition, EditionFields as Fields } from '../../api/editionDrafts';
import { useI18n } from '../../i18n';
import { buttonClass, h2Class } from '../catalog/ui';
import { fieldClass, helpClass, labelClass } from './ui';

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');

export function EditionFields({ edition, disabled, justSaved, onSave }: {
  edition: DraftEdition;
  disabled: boolean;
  justSaved: boolean;
  onSave: (fields: Fields) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const e = t.editionEditor;
  const f = e.editionFields;
  const initial = {
    title_ja: edition.title_ja,
    fiscal_year: String(edition.fiscal_year),
    published: edition.published,
    sources: edition.sources.join('\n'),
    notes: edition.notes.join('\n'),
  };
  const [values, setValues] = useState(initial);
  const [edited, setEdited] = useState(false);
  const set = (patch: Partial<typeof initial>) => {
    setEdited(true);
    setValues({ ...values, ...patch });
  };
  const saved = justSaved && !edited;
  const changes: Fields = {};
  if (values.title_ja !== initial.title_ja) changes.title_ja = values.title_ja.trim();
  if (values.fiscal_year !== initial.fiscal_year) changes.fiscal_year = Number(values.fiscal_year);
  if (values.published !== initial.published) changes.published = values.published.trim();
  if (values.sources !== initial.sources) changes.sources = lines(values.sources);
  if (values.notes !== initial.notes) changes.notes = lines(values.notes);
  const dirty = Object.keys(changes).length > 0;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (dirty) await onSave(changes);
  };
  const input = (field: 'title_ja' | 'fiscal_year' | 'published', help?: string) => (
    <div>
      <label for={`draft-edition-${field}`} class={labelClass}>{f[field]}</label>
      {help !== undefined && <p id={`draft-edition-${field}-help`} class={helpClass}>{help}</p>}
      <input
        id={`draft-edition-${field}`}
        class={`mt-1 ${fieldClass}`}
        value={values[field]}
        disabled={disabled}
        {...(field === 'fiscal_year' ? { type: 'number', inputMode: 'numeric' as const } : {})}
        {...(help === undefined ? {} : { 'aria-describedby': `draft-edition-${field}-help` })}
        onInput={(ev) => set({ [field]: ev.currentTarget.value })}
      />
    </div>
  );
  const area = (field: 'sources' | 'notes', help: string) => (
    <div>
      <label for={`draft-edition-${field}`} class={labelClass}>{f[field]}</label>
      <p id={`draft-edition-${field}-help`} class={helpClass}>{help}</p>
      <textarea id={`draft-edition-${field}`} rows={3} class={`mt-1 ${fieldClass}`} value={values[field]} disabled={disabled} aria-describedby={`draft-edition-${field}-help`} onInput={(ev) => set({ [field]: ev.currentTarget.value })} />
    </div>
  );
  return (
    <section aria-labelledby="draft-edition-heading" class="mt-10 max-w-3xl" data-testid="edition-fields">
      <h2 id="draft-edition-heading" class={h2Class}>{e.editionHeading}</h2>
      <form class="mt-4 grid gap-4" onSubmit={onSubmit}>
        {input('title_ja')}
        {input('fiscal_year')}
        {input('published', e.publishedHelp)}
        {area('sources', e.sourcesHelp)}
        {area('notes', e.notesHelp)}
        {!disabled && (
          <div class="flex flex-wrap items-center gap-3">
            <button type="submit" id="draft-edition-save" class={buttonClass}>{e.saveEdition}</button>
            <p role="status" class="text-std-16N-170 text-solid-gray-800">{saved ? e.editionSaved : ''}</p>
          </div>
        )}
      </form>
    </section>
  );
}
