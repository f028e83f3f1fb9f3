// /vendors/organisations: the operator's vendor registry (the ministry's administrators): search, register
// (法人番号 checked on the page; a vendor with the same name needs confirming) and link to an institution
// by its 医療機関等コード.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { buttonClass, cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, Checkbox, FormErrors, h1Class, h2Class, InfoNotice, leadClass, SubmitButton, SuccessNotice, TextField, WarningNotice } from '../account/ui';
import { useDay } from '../systems/ui';
import { VendorIdentityCells } from './VendorIdentityCells';
import { corporateNumberProblem, normaliseCorporateNumber } from './corporateNumber';
import { findVendorOrganisations, linkVendorOrganisation, registerVendorOrganisation, type VendorOrganisation } from './vendorsApi';

function LinkForm({ vendor, onLinked }: { vendor: VendorOrganisation; onLinked: (message: string) => void }) {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const [facility, setFacility] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    linkVendorOrganisation(vendor.id, facility.trim()).then(
      (linked) => {
        setBusy(false);
        onLinked(v.linked(linked.name === vendor.name ? facility.trim() : linked.name));
      },
      (problem: unknown) => {
        setBusy(false);
        if (problem instanceof ProblemError && problem.status === 409) setError(v.linkProblems['conflict']);
        else if (problem instanceof ProblemError && problem.fields.length > 0) setError(v.linkProblems[problem.fields[0]?.field ?? ''] ?? v.linkProblems['institution_id']);
        else setError(v.loadFailed);
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate class="mt-2" data-testid={`link-form-${vendor.id}`} aria-label={v.linkHeading(vendor.name)}>
      <TextField id={`facility-${vendor.id}`} label={v.facility} value={facility} onInput={setFacility} maxLength={20} inputMode="numeric" help={v.facilityHelp} error={error} required class="mt-2" />
      <SubmitButton busy={busy} label={v.link} busyLabel={v.link} class="mt-3" />
    </form>
  );
}

function RegisterForm({ onRegistered }: { onRegistered: (name: string) => void }) {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const [sameName, setSameName] = useState<string | null>(null);
  const [confirmNew, setConfirmNew] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (name.trim() === '') local['name'] = v.problems['vendor_name'] ?? '';
    const numberProblem = corporateNumberProblem(number);
    if (numberProblem !== null) local['corporate_number'] = v.problems[numberProblem === 'digits' ? 'corporate_number_digits' : 'corporate_number_check'] ?? '';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    registerVendorOrganisation(name.trim(), normaliseCorporateNumber(number), confirmNew).then(
      (made) => {
        setBusy(false);
        setName('');
        setNumber('');
        setSameName(null);
        setConfirmNew(false);
        onRegistered(made.name);
      },
      (problem: unknown) => {
        setBusy(false);
        const first = problem instanceof ProblemError ? problem.fields[0] : undefined;
        if (first?.reason === 'same_corporate_number') setErrors({ corporate_number: v.sameNumberOperator });
        else if (first?.reason === 'same_name') {
          setSameName(first.value ?? '');
          setErrors({ name: v.sameNameOperator(first.value ?? '') });
        } else if (first !== undefined) setErrors({ [first.field]: v.problems[first.field === 'name' ? 'vendor_name' : first.field] ?? v.problems['heading'] ?? '' });
        else setErrors({ form: v.loadFailed });
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="register-vendor-form" class="max-w-3xl">
      <FormErrors errors={errors} labels={{ ...v.registerFields, form: v.registerHeading }} />
      <TextField id="name" label={v.registerFields['name'] ?? ''} value={name} onInput={(value) => { setName(value); setSameName(null); setConfirmNew(false); }} maxLength={200} error={errors['name']} required />
      {sameName !== null && (
        <WarningNotice testId="same-name">
          <Checkbox id="confirm_new" checked={confirmNew} onChange={setConfirmNew} label={v.confirmNewOperator} />
        </WarningNotice>
      )}
      <TextField id="corporate_number" label={v.registerFields['corporate_number'] ?? ''} value={number} onInput={setNumber} maxLength={20} inputMode="numeric" autocomplete="off" help={v.help.corporate_number} error={errors['corporate_number']} />
      <SubmitButton busy={busy} label={v.register} busyLabel={v.registering} />
    </form>
  );
}

export function VendorOrganisations() {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const day = useDay();
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [list, reload] = useResource(`vendor-organisations/${searched}`, (signal) => findVendorOrganisations(searched, signal));
  const [notice, setNotice] = useState<string | null>(null);
  const [linking, setLinking] = useState<number | null>(null);
  const done = (message: string) => {
    setNotice(message);
    setLinking(null);
    reload();
  };
  return (
    <div data-testid="vendor-organisations-page">
      <h1 class={h1Class}>{v.organisationsTitle}</h1>
      <p class={leadClass}>{v.organisationsLead}</p>
      {notice !== null && <SuccessNotice testId="organisations-notice">{notice}</SuccessNotice>}
      {list.state === 'error' && list.error.status !== 400 ? (
        <InfoNotice testId="organisations-unavailable">{list.error.status === 404 || list.error.status === 403 ? v.notOperator : v.loadFailed}</InfoNotice>
      ) : (
        <>
          <form
            class="mt-6 flex flex-wrap items-end gap-4"
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              setSearched(query.trim());
            }}
          >
            <TextField id="q" label={v.search} value={query} onInput={setQuery} maxLength={100} help={v.searchHelp} class="" />
            <button type="submit" class={buttonClass}>
              {v.searchButton}
            </button>
          </form>
          {list.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{t.identity.loading}</p>}
          {list.state === 'ready' &&
            (list.data.length === 0 ? (
              <InfoNotice testId="organisations-empty">{v.organisationsEmpty}</InfoNotice>
            ) : (
              <table class={`${cardTableClass} mt-6`} data-testid="vendor-organisations">
                <thead class={cardHeadClass}>
                  <tr class="border-b-2 border-solid-gray-600">
                    <th scope="col" class="px-2 py-2">{v.columns.name}</th>
                    <th scope="col" class="px-2 py-2">{v.columns.corporateNumber}</th>
                    <th scope="col" class="px-2 py-2">{v.columns.customers}</th>
                    <th scope="col" class="px-2 py-2">{v.columns.users}</th>
                    <th scope="col" class="px-2 py-2">{v.columns.registeredAt}</th>
                    <th scope="col" class="px-2 py-2">{v.columns.actions}</th>
                  </tr>
                </thead>
                <tbody class="block md:table-row-group">
                  {list.data.map((vendor) => (
                    <tr key={vendor.id} class={cardRowClass} data-testid={`vendor-organisation-${vendor.id}`}>
                      <VendorIdentityCells vendor={vendor} />
                      <td class={`${cardCellClass} tabular-nums`}>
                        <CellLabel>{v.columns.customers}</CellLabel>
                        {vendor.customers}
                      </td>
                      <td class={`${cardCellClass} tabular-nums`}>
                        <CellLabel>{v.columns.users}</CellLabel>
                        {vendor.users}
                      </td>
                      <td class={`${cardCellClass} tabular-nums`}>
                        <CellLabel>{v.columns.registeredAt}</CellLabel>
                        {day(vendor.created_at)}
                      </td>
                      <td class={cardCellClass}>
                        <CellLabel>{v.columns.actions}</CellLabel>
                        {linking === vendor.id ? (
                          <LinkForm vendor={vendor} onLinked={done} />
                        ) : (
                          <button type="button" class={buttonClass} onClick={() => setLinking(vendor.id)} data-testid="link-open">
                            {v.linkOpen}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          <h2 class={`${h2Class} mt-12`}>{v.registerHeading}</h2>
          <RegisterForm onRegistered={(name) => done(v.registered(name))} />
        </>
      )}
    </div>
  );
}
