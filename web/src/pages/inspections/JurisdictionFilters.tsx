// The filters of the jurisdiction list: kind, bed band, checklist status, place (the municipalities, health
// centres or prefectures the caller oversees) and two answer conditions. Each change applies at once; the
// filters live in the address like the rest of the query.
import type { OrganisationKind } from '../../auth/types';
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { buttonClass } from '../catalog/ui';
import {
  bedBands,
  checklistStatuses,
  institutionKinds,
  loadJurisdictionChoices,
  noFilter,
  type Choice,
  type JurisdictionFilter,
} from './jurisdictionApi';

const selectClass =
  'mt-2 block w-full rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300';

interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}

function FilterSelect({ id, label, value, options, onChange }: SelectProps) {
  const { t } = useI18n();
  return (
    <div>
      <label for={id} class="block text-std-16B-170 text-solid-gray-900">{label}</label>
      <select id={id} class={selectClass} value={value} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t.jurisdiction.filters.any}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>{optionLabel}</option>
        ))}
      </select>
    </div>
  );
}

function FilterCheck({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label for={id} class="flex items-center gap-2 text-std-16N-170">
      <input id={id} type="checkbox" class="h-5 w-5" checked={checked} onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)} />
      {label}
    </label>
  );
}

const pairs = (choices: Choice[]) => choices.map((c) => [c.value, c.name] as const);

export function JurisdictionFilters({ filter, onChange }: { filter: JurisdictionFilter; onChange: (filter: JurisdictionFilter) => void }) {
  const { t } = useI18n();
  const f = t.jurisdiction.filters;
  const [choices] = useResource('jurisdiction-choices', loadJurisdictionChoices);
  const set = (next: Partial<JurisdictionFilter>) => onChange({ ...filter, ...next });
  const places = choices.state === 'ready' ? choices.data : { municipalities: [], health_centres: [], prefectures: [] };
  const active = JSON.stringify(filter) !== JSON.stringify(noFilter);

  return (
    <fieldset class="mt-6 rounded-8 border border-solid-gray-420 p-4" data-testid="jurisdiction-filters">
      <legend class="px-1 text-std-16B-170 text-solid-gray-900">{f.legend}</legend>
      <div class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <FilterSelect id="filter-kind" label={f.kind} value={filter.kind} options={institutionKinds.map((k) => [k, t.identity.kinds[k as OrganisationKind]] as const)} onChange={(kind) => set({ kind: kind as JurisdictionFilter['kind'] })} />
        <FilterSelect id="filter-beds" label={f.bedBand} value={filter.bedBand} options={bedBands.map((b) => [b, f.bedBands[b]] as const)} onChange={(bedBand) => set({ bedBand: bedBand as JurisdictionFilter['bedBand'] })} />
        <FilterSelect id="filter-status" label={f.status} value={filter.status} options={checklistStatuses.map((s) => [s, f.statuses[s]] as const)} onChange={(status) => set({ status: status as JurisdictionFilter['status'] })} />
        {places.prefectures.length > 0 && <FilterSelect id="filter-prefecture" label={f.prefecture} value={filter.prefecture} options={pairs(places.prefectures)} onChange={(prefecture) => set({ prefecture })} />}
        {places.health_centres.length > 0 && <FilterSelect id="filter-centre" label={f.healthCentre} value={filter.healthCentre} options={pairs(places.health_centres)} onChange={(healthCentre) => set({ healthCentre })} />}
        {places.municipalities.length > 1 && <FilterSelect id="filter-municipality" label={f.municipality} value={filter.municipality} options={pairs(places.municipalities)} onChange={(municipality) => set({ municipality })} />}
      </div>
      <div class="mt-4 flex flex-col gap-3 md:flex-row md:flex-wrap md:items-center md:gap-6">
        <FilterCheck id="filter-no" label={f.withNo} checked={filter.withNo} onChange={(withNo) => set({ withNo })} />
        <FilterCheck id="filter-overdue" label={f.overdue} checked={filter.overdue} onChange={(overdue) => set({ overdue })} />
        {active && (
          <button type="button" class={buttonClass} onClick={() => onChange(noFilter)}>
            {f.clear}
          </button>
        )}
      </div>
    </fieldset>
  );
}
