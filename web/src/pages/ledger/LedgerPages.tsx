// The device ledger's pages (機器台帳), behind a session: the list, a new asset, one asset with its history,
// and its edit form.
import { useResource } from '../../api/useResource';
import { RequireSession } from '../../auth/RequireSession';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { h1Class, InfoNotice } from '../account/ui';
import { AssetDetail } from './AssetDetail';
import { AssetForm } from './AssetForm';
import { emptyAsset, fieldsOf, loadAsset, loadLedgerSystems } from './ledgerApi';
import { LedgerList } from './LedgerList';
import type { LedgerRoute } from './routes';

export function ledgerPageTitle(t: Messages, route: LedgerRoute): string {
  const l = t.ledger;
  switch (route.page) {
    case 'list':
      return l.title;
    case 'new':
      return l.newTitle;
    case 'edit':
      return l.editTitle;
    case 'detail':
      return l.detailTitle;
  }
}

function NewAsset() {
  const { t } = useI18n();
  const l = t.ledger;
  const [systems] = useResource('ledger-systems', (signal) => loadLedgerSystems(null, signal));
  return (
    <div data-testid="asset-new">
      <h1 class={h1Class}>{l.newTitle}</h1>
      {systems.state === 'error' && <InfoNotice>{systems.error.status === 404 ? l.notAvailable : l.loadFailed}</InfoNotice>}
      {systems.state === 'ready' && <AssetForm initial={emptyAsset()} systems={systems.data} />}
    </div>
  );
}

function EditAsset({ id }: { id: number }) {
  const { t } = useI18n();
  const l = t.ledger;
  const [resource] = useResource(`ledger-edit/${id}`, (signal) => Promise.all([loadAsset(id, signal), loadLedgerSystems(null, signal)]));
  return (
    <div data-testid="asset-edit">
      <h1 class={h1Class}>{l.editTitle}</h1>
      {resource.state === 'error' && <InfoNotice>{resource.error.status === 404 ? l.notFound : l.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && <AssetForm initial={fieldsOf(resource.data[0])} systems={resource.data[1]} existing={resource.data[0]} />}
    </div>
  );
}

export function LedgerPage({ route }: { route: LedgerRoute }) {
  return (
    <RequireSession>
      {() => {
        switch (route.page) {
          case 'list':
            return <LedgerList />;
          case 'new':
            return <NewAsset />;
          case 'detail':
            return <AssetDetail key={route.id} id={route.id} />;
          case 'edit':
            return <EditAsset key={route.id} id={route.id} />;
        }
      }}
    </RequireSession>
  );
}
