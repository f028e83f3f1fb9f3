// /systems/disclosures: per system in use of the institution's register, whether its vendor has given its
// MDS/SDS: 提出済み (with the version and the date of issue, and a download), 古い, 未提出, 事業者未登録.
import { useResource } from '../../api/useResource';
import { langOf, useI18n } from '../../i18n';
import { Link } from '../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, InfoNotice, leadClass } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { systemsPaths } from '../systems/routes';
import { disclosureFiles, loadInstitutionDisclosures, type SystemDisclosures } from './disclosuresApi';
import { StateBadge, useDisclosureText } from './ui';

function Row({ system }: { system: SystemDisclosures }) {
  const { t } = useI18n();
  const v = t.vendorDisclosures;
  const c = v.columns;
  const text = useDisclosureText();
  const help = v.statusHelp[system.status] ?? '';
  return (
    <tr class={cardRowClass} data-testid={`disclosure-row-${system.id}`}>
      <td class={`${cardCellClass} font-bold`}>
        <CellLabel>{c.system}</CellLabel>
        <Link href={systemsPaths.detail(system.id)} class={linkClass}>
          <span lang={langOf(system.name)}>{system.name}</span>
        </Link>
      </td>
      <td class={cardCellClass}>
        <CellLabel>{c.vendor}</CellLabel>
        <span>
          {system.vendor_name === '' ? '―' : <span lang={langOf(system.vendor_name)}>{system.vendor_name}</span>}
          {system.product !== null && (
            <span class="block text-solid-gray-700" lang={langOf(system.product.name)}>
              {system.product.name}
            </span>
          )}
        </span>
      </td>
      <td class={cardCellClass}>
        <CellLabel>{c.status}</CellLabel>
        <span>
          <StateBadge state={system.status} label={v.statuses[system.status] ?? ''} />
          {help !== '' && <span class="mt-1 block text-std-16N-170 text-solid-gray-700">{help}</span>}
        </span>
      </td>
      <td class={cardCellClass}>
        <CellLabel>{c.disclosure}</CellLabel>
        {system.disclosures.length === 0 ? (
          <span>―</span>
        ) : (
          <ul class="grid gap-1">
            {system.disclosures.map((d) => (
              <li key={d.id}>
                <span lang="ja">{text(d)}</span>{' '}
                <a href={disclosureFiles.institution(d.id)} class={`${linkClass} whitespace-nowrap`} download data-testid={`download-${d.id}`} aria-label={v.downloadOf(text(d))}>
                  {v.download}
                </a>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

export function InstitutionDisclosures() {
  const { t } = useI18n();
  const v = t.vendorDisclosures;
  const c = v.columns;
  const [systems] = useResource('institution-disclosures', loadInstitutionDisclosures);
  return (
    <div data-testid="institution-disclosures-page">
      <h1 class={h1Class}>{v.institutionTitle}</h1>
      <p class={leadClass}>{v.institutionLead}</p>
      <p class="mt-2 max-w-3xl text-std-16N-170 text-solid-gray-700">{v.validityNote}</p>
      {systems.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{v.loading}</p>}
      {systems.state === 'error' && <InfoNotice testId="disclosures-unavailable">{systems.error.status === 404 ? v.notInstitution : v.loadFailed}</InfoNotice>}
      {systems.state === 'ready' &&
        (systems.data.length === 0 ? (
          <InfoNotice testId="no-systems">{v.noSystems}</InfoNotice>
        ) : (
          <table class={`${cardTableClass} mt-6`} data-testid="disclosures-table">
            <thead class={cardHeadClass}>
              <tr class="border-b-2 border-solid-gray-600">
                <th scope="col" class="px-2 py-2">{c.system}</th>
                <th scope="col" class="px-2 py-2">{c.vendor}</th>
                <th scope="col" class="px-2 py-2">{c.status}</th>
                <th scope="col" class="px-2 py-2">{c.disclosure}</th>
              </tr>
            </thead>
            <tbody class="block md:table-row-group">
              {systems.data.map((system) => (
                <Row key={system.id} system={system} />
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}
