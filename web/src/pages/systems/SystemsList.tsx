// /systems: the institution's systems register: the systems in use (kind, name, vendor, remote maintenance,
// contract end and warnings), then the retired ones apart.
import { useResource } from '../../api/useResource';
import { langOf, useI18n } from '../../i18n';
import { Link } from '../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, h2Class, InfoNotice, leadClass, primaryButtonClass } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { disclosuresPaths } from '../disclosures/routes';
import { systemsPaths } from './routes';
import { loadKinds, loadSystems, type RegisteredSystem, type SystemKind } from './systemsApi';
import { useDay, useKindLabel, useRemoteText, Warnings } from './ui';

function SystemsTable({ systems, kinds, testId }: { systems: RegisteredSystem[]; kinds: SystemKind[]; testId: string }) {
  const { t } = useI18n();
  const s = t.systemsRegister;
  const kindLabel = useKindLabel(kinds);
  const day = useDay();
  const remote = useRemoteText();
  return (
    <table class={`${cardTableClass} mt-4`} data-testid={testId}>
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{s.columns.kind}</th>
          <th scope="col" class="px-2 py-2">{s.columns.name}</th>
          <th scope="col" class="px-2 py-2">{s.columns.vendor}</th>
          <th scope="col" class="px-2 py-2">{s.columns.remote}</th>
          <th scope="col" class="px-2 py-2">{s.columns.contractEnd}</th>
          <th scope="col" class="px-2 py-2">{s.columns.warnings}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {systems.map((system) => (
          <tr key={system.id} class={cardRowClass} data-testid={`system-row-${system.id}`}>
            <td class={cardCellClass}>
              <CellLabel>{s.columns.kind}</CellLabel>
              {kindLabel(system.kind)}
            </td>
            <td class={`${cardCellClass} font-bold`}>
              <CellLabel>{s.columns.name}</CellLabel>
              <Link href={systemsPaths.detail(system.id)} class={linkClass}>
                <span lang={langOf(system.name)}>{system.name}</span>
              </Link>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{s.columns.vendor}</CellLabel>
              {system.vendor_name === '' ? s.noVendor : <span lang={langOf(system.vendor_name)}>{system.vendor_name}</span>}
            </td>
            <td class={cardCellClass} data-testid="remote">
              <CellLabel>{s.columns.remote}</CellLabel>
              {remote(system)}
            </td>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{s.columns.contractEnd}</CellLabel>
              {day(system.contract_end)}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{s.columns.warnings}</CellLabel>
              <Warnings system={system} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SystemsList() {
  const { t } = useI18n();
  const s = t.systemsRegister;
  const [list] = useResource('systems', (signal) => Promise.all([loadSystems(signal), loadKinds(signal)]));
  return (
    <div data-testid="systems-page">
      <h1 class={h1Class}>{s.title}</h1>
      <p class={leadClass}>{s.lead}</p>
      {list.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{t.identity.loading}</p>}
      {list.state === 'error' && <InfoNotice testId="systems-unavailable">{list.error.status === 404 ? s.notInstitution : s.loadFailed}</InfoNotice>}
      {list.state === 'ready' && (
        <>
          {list.data[0].can_write ? (
            <p class="mt-6">
              <Link href={systemsPaths.create} class={primaryButtonClass} data-testid="add-system">
                {s.add}
              </Link>
            </p>
          ) : (
            <InfoNotice testId="read-only">{s.readOnly}</InfoNotice>
          )}
          <p class="mt-4">
            <Link href={disclosuresPaths.institution} class={linkClass} data-testid="disclosures-link">
              {t.vendorDisclosures.linkFromSystems}
            </Link>
          </p>
          <h2 class={`${h2Class} mt-10`}>{s.inUseHeading}</h2>
          {list.data[0].systems.length === 0 ? (
            <InfoNotice testId="systems-empty">{s.empty}</InfoNotice>
          ) : (
            <SystemsTable systems={list.data[0].systems} kinds={list.data[1]} testId="systems-table" />
          )}
          {list.data[0].retired.length > 0 && (
            <>
              <h2 class={`${h2Class} mt-10`}>{s.retiredHeading}</h2>
              <SystemsTable systems={list.data[0].retired} kinds={list.data[1]} testId="retired-table" />
            </>
          )}
        </>
      )}
    </div>
  );
}
