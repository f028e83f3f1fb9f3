// /vendors: the institution's 取引先事業者: the linked vendors (with the systems naming each, unlinking), the
// invitations sent (withdrawing a pending one) and the invite form for its writers.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import type { ActiveSession } from '../../auth/session';
import { langOf, useI18n } from '../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, ConfirmBox, dangerButtonClass, h1Class, h2Class, InfoNotice, leadClass, SuccessNotice, buttonClass } from '../account/ui';
import { loadSystems } from '../systems/systemsApi';
import { useDay } from '../systems/ui';
import { VendorIdentityCells } from './VendorIdentityCells';
import { InviteVendor } from './InviteVendor';
import { loadInvitations, loadLinkedVendors, revokeInvitation, unlinkVendor, type LinkedVendor, type NamedSystem, type VendorInvitation } from './vendorsApi';

function Systems({ systems }: { systems: NamedSystem[] }) {
  const { t } = useI18n();
  if (systems.length === 0) return <>{t.vendorLinks.noSystems}</>;
  return <span>{systems.map((system) => system.name).join('、')}</span>;
}

function LinkedTable({ vendors, canWrite, onChanged }: { vendors: LinkedVendor[]; canWrite: boolean; onChanged: (message: string) => void }) {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const day = useDay();
  const [asking, setAsking] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const unlink = (vendor: LinkedVendor) => {
    setBusy(true);
    unlinkVendor(vendor.id).then(
      () => {
        setBusy(false);
        setAsking(null);
        onChanged(v.unlinked);
      },
      () => {
        setBusy(false);
        onChanged(v.loadFailed);
      },
    );
  };
  return (
    <table class={`${cardTableClass} mt-4`} data-testid="linked-vendors">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{v.columns.name}</th>
          <th scope="col" class="px-2 py-2">{v.columns.corporateNumber}</th>
          <th scope="col" class="px-2 py-2">{v.columns.via}</th>
          <th scope="col" class="px-2 py-2">{v.columns.linkedAt}</th>
          <th scope="col" class="px-2 py-2">{v.columns.systems}</th>
          {canWrite && <th scope="col" class="px-2 py-2">{v.columns.actions}</th>}
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {vendors.map((vendor) => (
          <tr key={vendor.id} class={cardRowClass} data-testid={`linked-vendor-${vendor.id}`}>
            <VendorIdentityCells vendor={vendor} />
            <td class={cardCellClass}>
              <CellLabel>{v.columns.via}</CellLabel>
              {v.via[vendor.via] ?? ''}
            </td>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{v.columns.linkedAt}</CellLabel>
              {day(vendor.linked_at)}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{v.columns.systems}</CellLabel>
              <Systems systems={vendor.systems} />
            </td>
            {canWrite && (
              <td class={cardCellClass}>
                <CellLabel>{v.columns.actions}</CellLabel>
                {asking === vendor.id ? (
                  <ConfirmBox class="max-w-md" label={v.unlinkConfirm} testId="unlink-confirm" message={v.unlinkQuestion(vendor.name)} confirmClass={dangerButtonClass} onConfirm={() => unlink(vendor)} onCancel={() => setAsking(null)} busy={busy} />
                ) : (
                  <button type="button" class={buttonClass} onClick={() => setAsking(vendor.id)} data-testid="unlink">
                    {v.unlink}
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InvitationsTable({ invitations, canWrite, onChanged }: { invitations: VendorInvitation[]; canWrite: boolean; onChanged: (message: string) => void }) {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const day = useDay();
  const revoke = (invitation: VendorInvitation) =>
    revokeInvitation(invitation.id).then(
      () => onChanged(v.revoked),
      () => onChanged(v.loadFailed),
    );
  return (
    <table class={`${cardTableClass} mt-4`} data-testid="vendor-invitations">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{v.columns.name}</th>
          <th scope="col" class="px-2 py-2">{v.columns.systems}</th>
          <th scope="col" class="px-2 py-2">{v.columns.status}</th>
          <th scope="col" class="px-2 py-2">{v.columns.expires}</th>
          <th scope="col" class="px-2 py-2">{v.columns.createdBy}</th>
          {canWrite && <th scope="col" class="px-2 py-2">{v.columns.actions}</th>}
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {invitations.map((invitation) => (
          <tr key={invitation.id} class={cardRowClass} data-testid={`vendor-invitation-${invitation.id}`}>
            <td class={`${cardCellClass} font-bold`}>
              <CellLabel>{v.columns.name}</CellLabel>
              <span lang={langOf(invitation.vendor_name)}>{invitation.vendor_name}</span>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{v.columns.systems}</CellLabel>
              <Systems systems={invitation.systems} />
            </td>
            <td class={cardCellClass} data-testid="invitation-status">
              <CellLabel>{v.columns.status}</CellLabel>
              {v.statuses[invitation.status] ?? ''}
              {invitation.used_by_vendor !== null && `（${invitation.used_by_vendor}）`}
            </td>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{v.columns.expires}</CellLabel>
              {day(invitation.expires_at)}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{v.columns.createdBy}</CellLabel>
              {invitation.created_by}
            </td>
            {canWrite && (
              <td class={cardCellClass}>
                <CellLabel>{v.columns.actions}</CellLabel>
                {invitation.status === 'pending' && (
                  <button type="button" class={buttonClass} onClick={() => void revoke(invitation)} data-testid="revoke-invitation">
                    {v.revoke}
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InstitutionVendors({ session }: { session: ActiveSession }) {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const [data, reload] = useResource('vendor-links', (signal) => Promise.all([loadLinkedVendors(signal), loadInvitations(signal), loadSystems(signal)]));
  const [notice, setNotice] = useState<string | null>(null);
  // While a new code is shown, printing gives only the letter to the vendor.
  const [codeShown, setCodeShown] = useState(false);
  const screenOnly = codeShown ? 'print:hidden' : '';
  const changed = (message: string) => {
    setNotice(message);
    reload();
  };
  return (
    <div data-testid="vendors-page">
      <div class={screenOnly}>
        <h1 class={h1Class}>{v.title}</h1>
        <p class={leadClass}>{v.lead}</p>
        {notice !== null && <SuccessNotice testId="vendors-notice">{notice}</SuccessNotice>}
      </div>
      {data.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{t.identity.loading}</p>}
      {data.state === 'error' && <InfoNotice testId="vendors-unavailable">{data.error.status === 404 ? v.notInstitution : v.loadFailed}</InfoNotice>}
      {data.state === 'ready' && (
        <>
          <div class={screenOnly}>
          <h2 class={`${h2Class} mt-10`}>{v.linkedHeading}</h2>
          {data.data[0].length === 0 ? <InfoNotice testId="linked-empty">{v.linkedEmpty}</InfoNotice> : <LinkedTable vendors={data.data[0]} canWrite={data.data[2].can_write} onChanged={changed} />}
          <h2 class={`${h2Class} mt-10`}>{v.invitationsHeading}</h2>
          {data.data[1].length === 0 ? (
            <InfoNotice testId="invitations-empty">{v.invitationsEmpty}</InfoNotice>
          ) : (
            <InvitationsTable invitations={data.data[1]} canWrite={data.data[2].can_write} onChanged={changed} />
          )}
          <h2 class={`${h2Class} mt-12`}>{v.inviteHeading}</h2>
          </div>
          {data.data[2].can_write ? (
            <InviteVendor
              systems={data.data[2].systems}
              institution={session.user.organisation_name}
              onShown={setCodeShown}
              onCreated={() => {
                setCodeShown(false);
                reload();
              }}
            />
          ) : (
            <InfoNotice testId="vendors-read-only">{v.readOnly}</InfoNotice>
          )}
        </>
      )}
    </div>
  );
}
