// /vendors/customers: the vendor's 顧客医療機関 (the institutions that link it, with the systems it runs there,
// nothing else of them) and, for its administrators, the form to enter an institution's invitation code.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { ProblemError } from '../../auth/request';
import type { ActiveSession } from '../../auth/session';
import { langOf, useI18n } from '../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, h2Class, InfoNotice, leadClass, SubmitButton, SuccessNotice, TextField } from '../account/ui';
import { useDay } from '../systems/ui';
import { loadCustomers, redeemCode } from './vendorsApi';

function RedeemForm({ onRedeemed }: { onRedeemed: (institution: string) => void }) {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    if (code.trim() === '') {
      setError(v.codeProblems['invalid']);
      return;
    }
    setBusy(true);
    setError(undefined);
    redeemCode(code.trim().toUpperCase()).then(
      (answer) => {
        setBusy(false);
        setCode('');
        onRedeemed(answer.institution.name);
      },
      (problem: unknown) => {
        setBusy(false);
        const status = problem instanceof ProblemError ? problem.status : 0;
        setError(status === 404 ? v.codeProblems['not_found'] : status === 410 ? v.codeProblems['gone'] : status === 429 ? v.codeProblems['rate_limited'] : status === 400 ? v.codeProblems['invalid'] : v.loadFailed);
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="redeem-form" class="max-w-xl">
      <p class="mt-4 text-std-16N-170">{v.redeemLead}</p>
      <TextField id="code" label={v.code} value={code} onInput={setCode} maxLength={40} autocomplete="off" autoCapitalize="characters" spellcheck={false} help={v.codeHelp} error={error} required />
      <SubmitButton busy={busy} label={v.redeem} busyLabel={v.redeeming} />
    </form>
  );
}

export function VendorCustomers({ session }: { session: ActiveSession }) {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const day = useDay();
  const [customers, reload] = useResource('vendor-customers', loadCustomers);
  const [notice, setNotice] = useState<string | null>(null);
  const administrator = session.user.roles.includes('administrator');
  return (
    <div data-testid="vendor-customers-page">
      <h1 class={h1Class}>{v.customersTitle}</h1>
      <p class={leadClass}>{v.customersLead}</p>
      {notice !== null && <SuccessNotice testId="redeemed">{notice}</SuccessNotice>}
      {customers.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{t.identity.loading}</p>}
      {customers.state === 'error' && <InfoNotice testId="customers-unavailable">{customers.error.status === 404 ? v.notVendor : v.loadFailed}</InfoNotice>}
      {customers.state === 'ready' &&
        (customers.data.length === 0 ? (
          <InfoNotice testId="customers-empty">{v.customersEmpty}</InfoNotice>
        ) : (
          <table class={`${cardTableClass} mt-6`} data-testid="customers">
            <thead class={cardHeadClass}>
              <tr class="border-b-2 border-solid-gray-600">
                <th scope="col" class="px-2 py-2">{v.columns.institution}</th>
                <th scope="col" class="px-2 py-2">{v.columns.linkedAt}</th>
                <th scope="col" class="px-2 py-2">{v.columns.systems}</th>
              </tr>
            </thead>
            <tbody class="block md:table-row-group">
              {customers.data.map((customer) => (
                <tr key={customer.id} class={cardRowClass} data-testid={`customer-${customer.id}`}>
                  <td class={`${cardCellClass} font-bold`}>
                    <CellLabel>{v.columns.institution}</CellLabel>
                    <span lang={langOf(customer.name)}>{customer.name}</span>
                  </td>
                  <td class={`${cardCellClass} tabular-nums`}>
                    <CellLabel>{v.columns.linkedAt}</CellLabel>
                    {day(customer.linked_at)}
                  </td>
                  <td class={cardCellClass}>
                    <CellLabel>{v.columns.systems}</CellLabel>
                    {customer.systems.length === 0 ? v.noSystems : customer.systems.map((system) => system.name).join('、')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {customers.state !== 'error' && (
        <>
          <h2 class={`${h2Class} mt-12`}>{v.redeemHeading}</h2>
          {administrator ? (
            <RedeemForm
              onRedeemed={(name) => {
                setNotice(v.redeemed(name));
                reload();
              }}
            />
          ) : (
            <InfoNotice testId="redeem-admin-only">{v.redeemAdminOnly}</InfoNotice>
          )}
        </>
      )}
    </div>
  );
}
