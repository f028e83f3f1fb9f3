// The 役割分担確認表's pages, behind a session: one system's table and the vendor's list.
import { RequireSession } from '../../auth/RequireSession';
import type { Messages } from '../../i18n/ja';
import { RoleSharingTable } from './RoleSharingTable';
import type { RoleSharingRoute } from './routes';
import { VendorSystems } from './VendorSystems';

export function roleSharingPageTitle(t: Messages, route: RoleSharingRoute): string {
  return route.page === 'table' ? t.roleSharing.title : t.roleSharing.vendorListTitle;
}

export function RoleSharingPage({ route }: { route: RoleSharingRoute }) {
  return <RequireSession>{() => (route.page === 'table' ? <RoleSharingTable key={route.systemId} systemId={route.systemId} /> : <VendorSystems />)}</RequireSession>;
}
