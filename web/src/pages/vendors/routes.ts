// The addresses of the vendor link pages: the institution's 取引先事業者, the vendor's 顧客医療機関 and join
// page, and the operator's vendor registry.
export type VendorsRoute = { kind: 'vendors'; page: 'institution' | 'join' | 'customers' | 'organisations' };

export const vendorsPaths = {
  institution: '/vendors',
  join: '/vendors/join',
  customers: '/vendors/customers',
  organisations: '/vendors/organisations',
};

export function matchVendorsRoute(path: string): VendorsRoute | null {
  switch (path) {
    case vendorsPaths.institution:
      return { kind: 'vendors', page: 'institution' };
    case vendorsPaths.join:
      return { kind: 'vendors', page: 'join' };
    case vendorsPaths.customers:
      return { kind: 'vendors', page: 'customers' };
    case vendorsPaths.organisations:
      return { kind: 'vendors', page: 'organisations' };
    default:
      return null;
  }
}
