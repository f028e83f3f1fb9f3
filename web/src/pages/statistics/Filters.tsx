// The filters every statistics view shares: fiscal year, form, the checklist line, bed band, facility kind
// and (for the ministry) prefecture. Each change applies at once and goes into the address. A prefecture's
// user is fixed to its own prefecture and sees it named instead of a choice.
import { useI18n } from '../../i18n';
import { buttonClass } from '../catalog/ui';
import { formTitle } from '../catalog/FormPage';
import { useLabel } from './format';
import type { ViewProps } from './StatisticsPages';

export const selectClass =
  'mt-2 block w-full rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300';

export interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
  /** The label of the empty choice ("all"); none when a value is required. */
  any?: string;
  class?: string;
}

export function Select({ id, label, value, options, onChange, any, class: className }: SelectProps) {
  return (
    <div class={className}>
      <label for={id} class="block text-std-16B-170 text-solid-gray-900">{label}</label>
      <select id={id} class={selectClass} value={value} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>{optionLabel}</option>
        ))}
      </select>
    </div>
  );
}

export function StatisticsFilters({ context, lines, query, change }: ViewProps) {
  const { t, language } = useI18n();
  const s = t.statistics;
  const label = useLabel();
  const lineIndex = lines.findIndex((line) => line.item === query.item && line.row === query.row);
  const ownPrefecture = context.scope.level === 'prefecture' ? context.prefectures.find((p) => p.code === query.prefecture) : undefined;
  const filtered = query.bed_band !== '' || query.facility_kind !== '' || (context.scope.level === 'national' && query.prefecture !== '');
  return (
    <fieldset class="mt-6 rounded-8 border border-solid-gray-420 p-4" data-testid="statistics-filters">
      <legend class="px-1 text-std-16B-170 text-solid-gray-900">{s.filtersLegend}</legend>
      <div class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Select
          id="stat-fiscal-year"
          label={s.fiscalYear}
          value={query.fiscal_year}
          options={[...context.fiscal_years].sort((a, b) => b - a).map((year) => [String(year), s.yearName(year)] as const)}
          onChange={(fiscal_year) => change({ fiscal_year })}
        />
        <Select id="stat-form" label={s.form} value={query.form} options={context.forms.map((form) => [form, formTitle(t, form)] as const)} onChange={(form) => change({ form })} />
        <Select
          id="stat-line"
          label={s.line}
          class="sm:col-span-2 lg:col-span-3"
          value={lineIndex < 0 ? '' : String(lineIndex)}
          options={lines.map((line, index) => [String(index), `${line.number} ${language === 'ja' ? line.title_ja : line.title_en}`] as const)}
          onChange={(index) => {
            const line = lines[Number(index)];
            if (line !== undefined) change({ item: line.item, row: line.row });
          }}
        />
        <Select id="stat-bed-band" label={s.bedBand} any={s.any} value={query.bed_band} options={context.bed_bands.map((band) => [band.key, label(band)] as const)} onChange={(bed_band) => change({ bed_band })} />
        <Select
          id="stat-facility-kind"
          label={s.facilityKind}
          any={s.any}
          value={query.facility_kind}
          options={context.facility_kinds.map((kind) => [kind.key, label(kind)] as const)}
          onChange={(facility_kind) => change({ facility_kind })}
        />
        {context.scope.level === 'national' ? (
          <Select
            id="stat-prefecture"
            label={s.prefecture}
            any={s.wholeCountry}
            value={query.prefecture}
            options={context.prefectures.map((prefecture) => [prefecture.code, label(prefecture)] as const)}
            onChange={(prefecture) => change({ prefecture })}
          />
        ) : (
          <div>
            <p class="text-std-16B-170 text-solid-gray-900">{s.prefecture}</p>
            <p class="mt-2 py-2 text-std-16N-170" data-testid="stat-own-prefecture">{ownPrefecture === undefined ? '' : label(ownPrefecture)}</p>
          </div>
        )}
      </div>
      {filtered && (
        <p class="mt-4">
          <button type="button" class={buttonClass} onClick={() => change({ bed_band: '', facility_kind: '', prefecture: '' })}>
            {s.clearFilters}
          </button>
        </p>
      )}
    </fieldset>
  );
}
