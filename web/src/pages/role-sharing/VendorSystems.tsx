// /vendor/systems: for a vendor's users, the customers' systems it runs, each with how far its 役割分担確認表
// has come (n of m items checked at the first meeting, how many settled), and a link to the table.
import { useResource } from '../../api/useResource';
import { langOf, useI18n } from '../../i18n';
import { Link } from '../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, InfoNotice } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { loadVendorSystems } from './roleSharingApi';
import { roleSharingPaths } from './routes';

export function VendorSystems() {
  const { t } = useI18n();
  const r = t.roleSharing;
  const c = r.columnsList;
  const [resource] = useResource('vendor-systems', loadVendorSystems);
  return (
    <div data-testid="vendor-systems">
      <h1 class={h1Class}>{r.vendorListTitle}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175">{r.vendorListLead}</p>
      {resource.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{t.identity.loading}</p>}
      {resource.state === 'error' && <InfoNotice>{resource.error.status === 404 ? r.notFound : r.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && resource.data.length === 0 && <InfoNotice testId="vendor-systems-empty">{r.vendorListEmpty}</InfoNotice>}
      {resource.state === 'ready' && resource.data.length > 0 && (
        <table class={`${cardTableClass} mt-6`} data-testid="vendor-systems-table">
          <thead class={cardHeadClass}>
            <tr class="border-b-2 border-solid-gray-600">
              <th scope="col" class="px-2 py-2">{c.institution}</th>
              <th scope="col" class="px-2 py-2">{c.system}</th>
              <th scope="col" class="px-2 py-2">{c.progress}</th>
            </tr>
          </thead>
          <tbody class="block md:table-row-group">
            {resource.data.map((s) => (
              <tr key={s.system.id} class={cardRowClass} data-testid={`vendor-system-${s.system.id}`}>
                <td class={cardCellClass}>
                  <CellLabel>{c.institution}</CellLabel>
                  <span lang={langOf(s.institution.name)}>{s.institution.name}</span>
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{c.system}</CellLabel>
                  <Link href={roleSharingPaths.table(s.system.id)} class={linkClass}>
                    <span lang={langOf(s.system.name)}>{s.system.name}</span>
                  </Link>
                </td>
                <td class={`${cardCellClass} tabular-nums`}>
                  <CellLabel>{c.progress}</CellLabel>
                  {r.progress(s.progress.answered, s.progress.total, s.progress.settled)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
