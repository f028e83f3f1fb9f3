// One row of the 事業者確認用 form being answered: はい / いいえ (/ 記入不要 where allowed), 確認日, 目標日 (with
// いいえ) and 備考. The buttons and date fields are those of the institution's checklist pages.
import { useI18n } from '../../i18n';
import { DateField, inputBase, ValueButtons } from '../assessments/fields';
import { todayJst, type AnswerLine } from './api';
import { allowedValues, type FormItem, type FormRow } from './form';
import { useRowName } from './ui';

export function LineEditor({
  id,
  item,
  row,
  line,
  onChange,
  error,
}: {
  id: string;
  item: FormItem;
  row: FormRow;
  line: AnswerLine;
  onChange: (line: AnswerLine) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const e = t.vendorRequests.editor;
  const rowName = useRowName();
  const name = rowName(item, row);
  return (
    <div class="grid gap-4 md:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]" data-testid={`line-editor-${item.canonical_id}/${row.key}`}>
      <ValueButtons
        id={`${id}-value`}
        label={`${name} ${e.answer}`}
        value={line.value}
        allowed={allowedValues(item)}
        notRequiredLabel={e.notRequired}
        // The form asks for the date of checking with every answer: today, until the vendor says otherwise.
        onChoose={(value) => onChange({ ...line, value, confirmed_on: line.confirmed_on ?? (value === 'not_required' ? null : todayJst()), target_date: value === 'no' ? line.target_date : null })}
        error={error}
      />
      <div class="grid gap-3 sm:grid-cols-2">
        <DateField id={`${id}-confirmed`} label={e.confirmedOn} max={todayJst()} compact value={line.confirmed_on ?? ''} onChange={(value) => onChange({ ...line, confirmed_on: value === '' ? null : value })} />
        {line.value === 'no' && (
          <DateField
            id={`${id}-target`}
            label={e.targetDate}
            help={e.targetHelp}
            compact
            value={line.target_date ?? ''}
            onChange={(value) => onChange({ ...line, target_date: value === '' ? null : value })}
          />
        )}
        <div class="sm:col-span-2">
          <label for={`${id}-note`} class="block text-std-16B-170 text-solid-gray-900">
            {e.note}
          </label>
          <textarea
            id={`${id}-note`}
            name={`${id}-note`}
            rows={2}
            maxLength={1000}
            value={line.note}
            onInput={(event) => onChange({ ...line, note: (event.currentTarget as HTMLTextAreaElement).value })}
            class={`mt-1 ${inputBase} min-h-11 border-solid-gray-600`}
          />
        </div>
      </div>
    </div>
  );
}
