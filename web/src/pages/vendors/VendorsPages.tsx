// The vendor link pages: the join page is open (a vendor not yet in mamori has no session); the others need
// one and answer by the caller's organisation (the server decides who may see what).
import { RequireSession } from '../../auth/RequireSession';
import type { Messages } from '../../i18n/ja';
import { InstitutionVendors } from './InstitutionVendors';
import type { VendorsRoute } from './routes';
import { VendorCustomers } from './VendorCustomers';
import { VendorJoin } from './VendorJoin';
import { VendorOrganisations } from './VendorOrganisations';

export function vendorsPageTitle(t: Messages, route: VendorsRoute): string {
  const v = t.vendorLinks;
  switch (route.page) {
    case 'institution':
      return v.title;
    case 'join':
      return v.joinTitle;
    case 'customers':
      return v.customersTitle;
    case 'organisations':
      return v.organisationsTitle;
  }
}

export function VendorsPage({ route }: { route: VendorsRoute }) {
  if (route.page === 'join') return <VendorJoin />;
  return (
    <RequireSession>
      {(session) => {
        switch (route.page) {
          case 'institution':
            return <InstitutionVendors session={session} />;
          case 'customers':
            return <VendorCustomers session={session} />;
          case 'organisations':
            return <VendorOrganisations />;
          case 'join':
            return <VendorJoin />;
        }
      }}
    </RequireSession>
  );
}
