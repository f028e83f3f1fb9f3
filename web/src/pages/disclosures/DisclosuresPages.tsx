// The MDS/SDS pages, behind a session: the vendor's products and the institution's status per system.
import { RequireSession } from '../../auth/RequireSession';
import type { Messages } from '../../i18n/ja';
import { InstitutionDisclosures } from './InstitutionDisclosures';
import type { DisclosuresRoute } from './routes';
import { VendorDisclosures } from './VendorDisclosures';

export function disclosuresPageTitle(t: Messages, route: DisclosuresRoute): string {
  return route.page === 'vendor' ? t.vendorDisclosures.vendorTitle : t.vendorDisclosures.institutionTitle;
}

export function DisclosuresPage({ route }: { route: DisclosuresRoute }) {
  return <RequireSession>{() => (route.page === 'vendor' ? <VendorDisclosures /> : <InstitutionDisclosures />)}</RequireSession>;
}
