// The organisation part of first-run setup: what the installation is for (one institution, a prefecture,
// the nation), and for an institution either a pick from the facility master (searched with the setup code)
// or its codes typed in.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { characters } from '../../auth/checks';
import { describeProblem, type ShownProblem } from '../../auth/problems';
import { send } from '../../auth/request';
import { isFacilityPage, isPrefectureList, type FacilityMatch } from '../../auth/types';
import { useI18n, type Language } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { buttonClass, h2Class, ProblemBox, SelectField, TextField } from './ui';

export type Purpose = 'institution' | 'prefecture' | 'nation';
const purposes: Purpose[] = ['institution', 'prefecture', 'nation'];
const institutionKinds = ['clinic', 'hospital', 'dental_clinic', 'pharmacy'] as const;

export interface OrganisationChoice {
  purpose: Purpose | '';
  source: 'master' | 'codes';
  picked: FacilityMatch | null;
  facilityId: string;
  kind: string;
  name: string;
  prefecture: string;
  municipality: string;
  nationName: string;
}

export const emptyChoice: OrganisationChoice = {
  purpose: '',
  source: 'master',
  picked: null,
  facilityId: '',
  kind: '',
  name: '',
  prefecture: '',
  municipality: '',
  nationName: '厚生労働省',
};

/** The fields of POST /api/v1/setup that name the organisation. */
export function organisationBody(choice: OrganisationChoice): Record<string, unknown> {
  if (choice.purpose === 'prefecture') return { purpose: 'prefecture', prefecture_code: choice.prefecture };
  if (choice.purpose === 'nation') return { purpose: 'nation', organisation_name: choice.nationName.trim() };
  if (choice.source === 'master') return { purpose: 'institution', organisation_id: choice.picked?.id };
  return {
    purpose: 'institution',
    facility_id: choice.facilityId.trim(),
    organisation_kind: choice.kind,
    organisation_name: choice.name.trim(),
    prefecture_code: choice.prefecture,
    municipality_code: choice.municipality.trim(),
  };
}

/** Problems the form can see before asking the server, by the API's field names. */
export function checkOrganisation(t: Messages, choice: OrganisationChoice): Record<string, string> {
  const e = t.organisationSetup.errors;
  const found: Record<string, string> = {};
  if (choice.purpose === '') found['purpose'] = e.purpose;
  else if (choice.purpose === 'prefecture' && choice.prefecture === '') found['prefecture_code'] = e.prefecture;
  else if (choice.purpose === 'nation' && (choice.nationName.trim() === '' || characters(choice.nationName.trim()) > 100))
    found['organisation_name'] = t.identity.fieldErrors.organisationName;
  else if (choice.purpose === 'institution' && choice.source === 'master' && choice.picked === null) found['organisation_id'] = e.picked;
  else if (choice.purpose === 'institution' && choice.source === 'codes') {
    if (!/^\d{13}$/.test(choice.facilityId.trim())) found['facility_id'] = e.facilityId;
    if (choice.kind === '') found['organisation_kind'] = e.kind;
    if (choice.name.trim() === '' || characters(choice.name.trim()) > 100) found['organisation_name'] = t.identity.fieldErrors.organisationName;
    if (choice.prefecture === '') found['prefecture_code'] = e.prefecture;
    if (!/^\d{6}$/.test(choice.municipality.trim()) || (choice.prefecture !== '' && !choice.municipality.trim().startsWith(choice.prefecture)))
      found['municipality_code'] = e.municipality;
  }
  return found;
}

function Radios<T extends string>({
  name,
  legend,
  help,
  value,
  options,
  onChange,
  error,
}: {
  name: string;
  legend: ComponentChildren;
  help?: string;
  value: string;
  options: { value: T; label: ComponentChildren; detail?: string }[];
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset class="mt-6" id={name} aria-describedby={help === undefined ? undefined : `${name}-help`}>
      <legend class="text-std-16B-170 text-solid-gray-900">{legend}</legend>
      {help !== undefined && (
        <p id={`${name}-help`} class="mt-1 text-std-16N-170 text-solid-gray-700">
          {help}
        </p>
      )}
      {options.map((option) => (
        <div key={option.value} class="flex gap-3 py-1">
          <input
            id={`${name}-${option.value}`}
            type="radio"
            name={name}
            value={option.value}
            class="mt-1 size-6 shrink-0 accent-blue-900"
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <label for={`${name}-${option.value}`} class="text-std-16N-170 text-solid-gray-900">
            {option.label}
            {option.detail !== undefined && <span class="block break-all text-dns-14N-130 text-solid-gray-700">{option.detail}</span>}
          </label>
        </div>
      ))}
      {error !== undefined && <p class="mt-2 text-std-16N-170 text-error-1">＊{error}</p>}
    </fieldset>
  );
}

function prefectureOptions(list: { code: string; name_ja: string; name_en: string }[], language: Language) {
  return list.map((p) => ({ value: p.code, label: language === 'ja' ? p.name_ja : p.name_en }));
}

function FacilitySearch({
  setupCode,
  picked,
  onPick,
  error,
}: {
  setupCode: string;
  picked: FacilityMatch | null;
  onPick: (facility: FacilityMatch) => void;
  error?: string | undefined;
}) {
  const { t, language } = useI18n();
  const o = t.organisationSetup;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ facilities: FacilityMatch[]; more: boolean } | null>(null);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const search = (offset: number) => {
    setProblem(null);
    if (setupCode.trim() === '') {
      setProblem({ message: o.searchNeedsCode, detail: null, fields: {} });
      return;
    }
    if (query.trim() === '') {
      setProblem({ message: o.errors.query, detail: null, fields: {} });
      return;
    }
    setBusy(true);
    send('POST', '/api/v1/setup/facilities', isFacilityPage, {
      body: { setup_code: setupCode.trim(), query: query.trim(), offset },
      loginStep: true,
    }).then(
      (page) => {
        setBusy(false);
        setResults({ facilities: offset === 0 ? page.facilities : [...(results?.facilities ?? []), ...page.facilities], more: page.more });
      },
      (failure: unknown) => {
        setBusy(false);
        setProblem(describeProblem(t, language, failure, 'setup'));
      },
    );
  };

  return (
    <div data-testid="facility-search">
      <div class="mt-4 flex flex-wrap items-end gap-3">
        <TextField id="facility_query" label={o.search} help={o.searchHelp} autocomplete="off" value={query} onInput={setQuery} class="min-w-0 flex-1" />
        <button type="button" class={`${buttonClass} mb-1`} onClick={() => search(0)} disabled={busy} data-testid="facility-search-button">
          {busy ? o.searching : o.searchButton}
        </button>
      </div>
      {problem !== null && <ProblemBox problem={problem} />}
      {results !== null && results.facilities.length === 0 && <p class="mt-4 text-std-16N-170">{o.noMatches}</p>}
      {results !== null && results.facilities.length > 0 && (
        <Radios
          name="organisation_id"
          legend={o.resultsLegend}
          value={picked === null ? '' : String(picked.id)}
          options={results.facilities.map((f) => ({ value: String(f.id), label: f.name, detail: o.facilityLine(f.facility_id, f.address) }))}
          onChange={(id) => {
            const found = results.facilities.find((f) => String(f.id) === id);
            if (found !== undefined) onPick(found);
          }}
          error={error}
        />
      )}
      {results === null && error !== undefined && <p class="mt-2 text-std-16N-170 text-error-1">＊{error}</p>}
      {results?.more === true && (
        <p class="mt-3">
          <button type="button" class={buttonClass} onClick={() => search(results.facilities.length)} disabled={busy}>
            {o.more}
          </button>
        </p>
      )}
    </div>
  );
}

export function OrganisationFields({
  choice,
  onChange,
  setupCode,
  errors,
}: {
  choice: OrganisationChoice;
  onChange: (choice: OrganisationChoice) => void;
  setupCode: string;
  errors: Record<string, string>;
}) {
  const { t, language } = useI18n();
  const o = t.organisationSetup;
  const [prefectures] = useResource('/api/v1/prefectures', (signal) => send('GET', '/api/v1/prefectures', isPrefectureList, { signal, loginStep: true }));
  const set = (change: Partial<OrganisationChoice>) => onChange({ ...choice, ...change });
  const options = prefectures.state === 'ready' ? prefectureOptions(prefectures.data.prefectures, language) : [];
  const prefectureField = (
    <SelectField
      id="prefecture_code"
      label={o.prefecture}
      value={choice.prefecture}
      onChange={(prefecture) => set({ prefecture })}
      placeholder={o.choosePlaceholder}
      options={options}
      error={errors['prefecture_code']}
      required
    />
  );
  return (
    <fieldset class="mt-10">
      <legend class={h2Class}>{t.identity.setup.organisationHeading}</legend>
      <Radios
        name="purpose"
        legend={o.purposeLegend}
        help={o.purposeHelp}
        value={choice.purpose}
        options={purposes.map((value) => ({ value, label: o.purposes[value] }))}
        onChange={(purpose) => set({ purpose })}
        error={errors['purpose']}
      />
      {choice.purpose === 'institution' && (
        <>
          <Radios
            name="source"
            legend={o.sourceLegend}
            value={choice.source}
            options={(['master', 'codes'] as const).map((value) => ({ value, label: o.sources[value] }))}
            onChange={(source) => set({ source })}
          />
          {choice.source === 'master' ? (
            <FacilitySearch setupCode={setupCode} picked={choice.picked} onPick={(picked) => set({ picked })} error={errors['organisation_id']} />
          ) : (
            <>
              <TextField
                id="facility_id"
                label={o.facilityId}
                help={o.facilityIdHelp}
                autocomplete="off"
                inputMode="numeric"
                maxLength={13}
                value={choice.facilityId}
                onInput={(facilityId) => set({ facilityId })}
                error={errors['facility_id']}
                required
              />
              <SelectField
                id="organisation_kind"
                label={o.kind}
                value={choice.kind}
                onChange={(kind) => set({ kind })}
                placeholder={o.choosePlaceholder}
                options={institutionKinds.map((value) => ({ value, label: t.identity.kinds[value] }))}
                error={errors['organisation_kind']}
                required
              />
              <TextField
                id="organisation_name"
                label={o.name}
                help={t.identity.setup.organisationNameHelp}
                autocomplete="organization"
                value={choice.name}
                onInput={(name) => set({ name })}
                error={errors['organisation_name']}
                required
              />
              {prefectureField}
              <TextField
                id="municipality_code"
                label={o.municipality}
                help={o.municipalityHelp}
                autocomplete="off"
                inputMode="numeric"
                maxLength={6}
                value={choice.municipality}
                onInput={(municipality) => set({ municipality })}
                error={errors['municipality_code']}
                required
              />
            </>
          )}
        </>
      )}
      {choice.purpose === 'prefecture' && prefectureField}
      {choice.purpose === 'nation' && (
        <TextField
          id="organisation_name"
          label={o.nationName}
          help={o.nationNameHelp}
          autocomplete="organization"
          value={choice.nationName}
          onInput={(nationName) => set({ nationName })}
          error={errors['organisation_name']}
          required
        />
      )}
    </fieldset>
  );
}
