// The addresses of the 事業者確認用 pages: the vendor's (/vendor…) and the institution's (/vendor-status…,
// and the request form under a system of the register).
export type VendorRequestsRoute =
  | { kind: 'vendorRequests'; page: 'dashboard' }
  | { kind: 'vendorRequests'; page: 'list' }
  | { kind: 'vendorRequests'; page: 'vendorDetail'; id: number }
  | { kind: 'vendorRequests'; page: 'products' }
  | { kind: 'vendorRequests'; page: 'answers'; id: number }
  | { kind: 'vendorRequests'; page: 'ask'; id: number }
  | { kind: 'vendorRequests'; page: 'status' }
  | { kind: 'vendorRequests'; page: 'statusDetail'; id: number };

export const vendorPaths = {
  dashboard: '/vendor',
  list: '/vendor/requests',
  detail: (id: number) => `/vendor/requests/${id}`,
  products: '/vendor/products',
  answers: (id: number, fiscalYear: number) => `/vendor/products/${id}/answers?fiscal_year=${fiscalYear}`,
  ask: (systemId: number) => `/systems/${systemId}/vendor-request`,
  status: '/vendor-status',
  statusDetail: (id: number) => `/vendor-status/${id}`,
};

const id = '([1-9][0-9]{0,15})';

export function matchVendorRequestsRoute(path: string): VendorRequestsRoute | null {
  if (path === '/vendor') return { kind: 'vendorRequests', page: 'dashboard' };
  if (path === '/vendor/requests') return { kind: 'vendorRequests', page: 'list' };
  if (path === '/vendor/products') return { kind: 'vendorRequests', page: 'products' };
  if (path === '/vendor-status') return { kind: 'vendorRequests', page: 'status' };
  const patterns: [RegExp, 'vendorDetail' | 'answers' | 'ask' | 'statusDetail'][] = [
    [new RegExp(`^/vendor/requests/${id}$`), 'vendorDetail'],
    [new RegExp(`^/vendor/products/${id}/answers$`), 'answers'],
    [new RegExp(`^/systems/${id}/vendor-request$`), 'ask'],
    [new RegExp(`^/vendor-status/${id}$`), 'statusDetail'],
  ];
  for (const [pattern, page] of patterns) {
    const match = pattern.exec(path);
    if (match !== null) return { kind: 'vendorRequests', page, id: Number(match[1]) };
  }
  return null;
}
