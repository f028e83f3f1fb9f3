// The form's sections and items in printed order, each with its mapping kind from the previous edition;
// the items of the previous edition that were removed are listed apart (削除).
import type { DraftForm, MappingForm } from '../../api/editionDrafts';
import { useI18n } from '../../i18n';
import { itemKinds, removedItems, type ItemKind } from './model';
import { pick } from '../catalog/format';
import { formName, KindBadge } from './ui';

/** One badge when every earlier form agrees; otherwise one per earlier form, naming it. */
function ItemBadges({ kinds }: { kinds: ItemKind[] }) {
  const { t } = useI18n();
  const [first] = kinds;
  if (first === undefined) return null;
  if (kinds.every((kind) => kind.kind === first.kind)) return <KindBadge kind={first.kind} />;
  return (
    <>
      {kinds.map((kind) => (
        <KindBadge key={kind.fromForm} kind={kind.kind} prefix={formName(t, kind.fromForm)} />
      ))}
    </>
  );
}

export function ItemList({ form, elements, selected, onSelect }: {
  form: DraftForm;
  elements: MappingForm[];
  selected: string | null;
  onSelect: (canonicalId: string) => void;
}) {
  const { t, language } = useI18n();
  const e = t.editionEditor;
  return (
    <div data-testid="item-list">
      {form.sections.map((section) => {
        const items = form.items.filter((item) => item.section_id === section.section_id);
        return (
          <section key={section.section_id} aria-labelledby={`draft-section-${section.section_id}`} class="mt-4 first:mt-0">
            <h3 id={`draft-section-${section.section_id}`} class="text-std-18B-160 text-solid-gray-900">
              {`${section.number} ${pick(language, section.section_ja, section.section_en)}`}
            </h3>
            {items.length === 0 ? (
              <p class="mt-1 text-std-16N-170 text-solid-gray-700">{e.sectionEmpty}</p>
            ) : (
              <ul class="mt-2 grid gap-1">
                {items.map((item) => {
                  const current = item.canonical_id === selected;
                  return (
                    <li key={item.canonical_id}>
                      <button
                        type="button"
                        class={`grid w-full gap-1 rounded-8 border px-3 py-2 text-left ${current ? 'border-2 border-blue-900 bg-blue-50' : 'border-solid-gray-420 bg-white hover:bg-solid-gray-50'}`}
                        aria-pressed={current}
                        data-testid="draft-item"
                        data-canonical-id={item.canonical_id}
                        onClick={() => onSelect(item.canonical_id)}
                      >
                        <span class="flex flex-wrap items-center gap-2">
                          <span class="text-std-16B-170 text-solid-gray-900">{item.number}</span>
                          <ItemBadges kinds={itemKinds(elements, item.canonical_id)} />
                        </span>
                        <span class="line-clamp-2 text-std-16N-170 text-solid-gray-800" lang="ja">{item.text_ja}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

export function RemovedList({ elements }: { elements: MappingForm[] }) {
  const { t } = useI18n();
  const e = t.editionEditor;
  const removed = removedItems(elements);
  if (removed.length === 0) return null;
  return (
    <section aria-labelledby="draft-removed" class="mt-8" data-testid="removed-list">
      <h3 id="draft-removed" class="text-std-18B-160">{e.removedHeading}</h3>
      <p class={`mt-1 text-std-16N-170 text-solid-gray-800`}>{e.removedHelp}</p>
      <ul class="mt-2 grid gap-1">
        {removed.map((item) => (
          <li key={`${item.fromForm}-${item.canonical_id}`} class="flex flex-wrap items-center gap-2 text-std-16N-170" data-testid="removed-item">
            <KindBadge kind="removed" />
            <span>{e.removedItem(formName(t, item.fromForm), item.number)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
