// /vendor: the vendor's dashboard: requests by status (each a link into the filtered list), its products and
// customers, and the outstanding requests due soonest.
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, h2Class, InfoNotice, leadClass } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { loadDashboard, type VendorRequest } from './api';
import { vendorPaths } from './routes';
import { Loading, Name, RequestTimingCells } from './ui';

export function DueTable({ requests, testId }: { requests: VendorRequest[]; testId: string }) {
  const { t } = useI18n();
  const c = t.vendorRequests.columns;
  return (
    <table class={`${cardTableClass} mt-4`} data-testid={testId}>
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{c.institution}</th>
          <th scope="col" class="px-2 py-2">{c.system}</th>
          <th scope="col" class="px-2 py-2">{c.fiscalYear}</th>
          <th scope="col" class="px-2 py-2">{c.due}</th>
          <th scope="col" class="px-2 py-2">{c.status}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {requests.map((request) => (
          <tr key={request.id} class={cardRowClass} data-testid={`due-${request.id}`}>
            <td class={`${cardCellClass} font-bold`}>
              <CellLabel>{c.institution}</CellLabel>
              <Link href={vendorPaths.detail(request.id)} class={linkClass}>
                <Name text={request.institution.name} />
              </Link>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.system}</CellLabel>
              <Name text={request.system.name} />
            </td>
            <RequestTimingCells request={request} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function VendorDashboard() {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const d = v.dashboard;
  const [resource] = useResource('vendor-dashboard', loadDashboard);
  const tiles: { key: string; label: string; query: string }[] = [
    { key: 'requested', label: v.status['requested'] ?? '', query: 'status=requested' },
    { key: 'answered', label: v.status['answered'] ?? '', query: 'status=answered' },
    { key: 'returned', label: v.status['returned'] ?? '', query: 'status=returned' },
    { key: 'declined', label: v.status['declined'] ?? '', query: 'status=declined' },
    { key: 'overdue', label: v.overdue, query: 'overdue=true' },
  ];
  return (
    <div data-testid="vendor-dashboard">
      <h1 class={h1Class}>{d.title}</h1>
      <p class={leadClass}>{d.lead}</p>
      {resource.state === 'loading' && <Loading />}
      {resource.state === 'error' && <InfoNotice testId="dashboard-unavailable">{resource.error.status === 404 || resource.error.status === 403 ? v.notVendor : v.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && (
        <>
          <h2 class={`${h2Class} mt-10`}>{d.counts}</h2>
          <ul class="mt-4 grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="dashboard-counts">
            {tiles.map((tile) => (
              <li key={tile.key}>
                <Link
                  href={`${vendorPaths.list}?${tile.query}`}
                  class={`flex min-h-24 flex-col justify-between rounded-8 border-2 p-3 hover:underline ${tile.key === 'overdue' ? 'border-error-1 bg-red-50' : 'border-blue-900 bg-white'}`}
                >
                  <span class="text-std-16B-170 text-solid-gray-900">{tile.label}</span>
                  <span class="text-std-24B-150 tabular-nums text-solid-gray-900" data-testid={`count-${tile.key}`}>
                    {d.count((resource.data.counts as unknown as Record<string, number>)[tile.key] ?? 0)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <dl class="mt-6 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-std-16N-170">
            <dt class="font-bold">{d.products}</dt>
            <dd data-testid="product-count">{d.count(resource.data.products)}</dd>
            <dt class="font-bold">{d.customers}</dt>
            <dd data-testid="customer-count">{d.count(resource.data.customers)}</dd>
          </dl>
          <h2 class={`${h2Class} mt-10`}>{d.dueSoon}</h2>
          {resource.data.due_soon.length === 0 ? <InfoNotice testId="due-soon-empty">{d.dueSoonEmpty}</InfoNotice> : <DueTable requests={resource.data.due_soon} testId="due-soon" />}
          <ul class="mt-8 flex flex-wrap gap-6 text-std-16N-170">
            <li>
              <Link href={vendorPaths.list} class={linkClass}>
                {d.toList}
              </Link>
            </li>
            <li>
              <Link href={vendorPaths.products} class={linkClass}>
                {d.toProducts}
              </Link>
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
