// The rows of an item: one per device-class line of the printed item (全般, サーバ, 端末PC, ネットワーク機器),
// each with its own target year. An item with no class label has one row, "main".
import type { Row } from '../../api/catalog';
import { useI18n } from '../../i18n';
import { buttonClass } from '../catalog/ui';
import { dangerOutlineClass, fieldClass, helpClass } from './ui';

// The printed class names and their row-key parts, in class order (docs/catalog-format.md §6.5).
export const deviceClasses = [
  ['全般', 'general'],
  ['サーバ', 'server'],
  ['端末PC', 'terminal'],
  ['ネットワーク機器', 'network'],
] as const;

export function rowKey(classes: readonly string[]): string {
  const keys = deviceClasses.filter(([name]) => classes.includes(name)).map(([, key]) => key);
  return keys.length === 0 ? 'main' : keys.join('+');
}

/** A row whose classes changed gets the matching key and printed label; everything else is kept. */
export function withClasses(row: Row, classes: string[]): Row {
  const ordered = deviceClasses.map(([name]) => name).filter((name) => classes.includes(name));
  return { ...row, device_classes: ordered, key: rowKey(ordered), label_ja: ordered.length === 0 ? null : ordered.join('、') };
}

export function newRow(targetYear: number | null): Row {
  return {
    key: 'main',
    device_classes: [],
    label_ja: null,
    target_fiscal_year: targetYear,
    target_label_ja: null,
    target_basis: 'edition',
    target_confidence: 'V',
    confidence: 'V',
    note: null,
  };
}

export function RowsEditor({ rows, onChange, targetYear, disabled }: { rows: Row[]; onChange: (rows: Row[]) => void; targetYear: number | null; disabled: boolean }) {
  const { t, language } = useI18n();
  const e = t.editionEditor;
  const update = (index: number, row: Row) => onChange(rows.map((old, i) => (i === index ? row : old)));
  return (
    <fieldset id="draft-item-rows" tabIndex={-1} class="rounded-8 border border-solid-gray-420 p-3" data-testid="rows-editor">
      <legend class="px-1 text-dns-16B-120">{e.fields.rows}</legend>
      <p class={helpClass}>{e.rowsHelp}</p>
      <ol class="mt-2 grid gap-3">
        {rows.map((row, index) => (
          <li key={index} class="grid gap-2 rounded-8 bg-solid-gray-50 p-3">
            <fieldset>
              <legend class="text-dns-14B-120">{e.rowHeading(index + 1)}</legend>
              <div class="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {deviceClasses.map(([name, key]) => (
                  <label key={name} class="flex min-h-11 cursor-pointer items-center gap-2 text-std-16N-170">
                    <input
                      type="checkbox"
                      class="size-5 accent-blue-900"
                      disabled={disabled}
                      checked={row.device_classes.includes(name)}
                      onChange={(ev) =>
                        update(index, withClasses(row, ev.currentTarget.checked ? [...row.device_classes, name] : row.device_classes.filter((c) => c !== name)))
                      }
                    />
                    {language === 'ja' ? name : t.catalog.deviceClasses[key]}
                  </label>
                ))}
              </div>
            </fieldset>
            <div class="flex flex-wrap items-end gap-3">
              <div>
                <label for={`draft-row-${index}-target`} class="block text-dns-14B-120">{e.rowTarget}</label>
                <input
                  id={`draft-row-${index}-target`}
                  type="number"
                  inputMode="numeric"
                  class={`mt-1 w-32 ${fieldClass}`}
                  disabled={disabled}
                  value={row.target_fiscal_year ?? ''}
                  onInput={(ev) => update(index, { ...row, target_fiscal_year: ev.currentTarget.value === '' ? null : Number(ev.currentTarget.value) })}
                />
              </div>
              {rows.length > 1 && (
                <button type="button" class={dangerOutlineClass} disabled={disabled} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                  {e.removeRow(index + 1)}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      <button type="button" class={`mt-3 ${buttonClass}`} disabled={disabled} onClick={() => onChange([...rows, newRow(targetYear)])}>
        {e.addRow}
      </button>
    </fieldset>
  );
}
