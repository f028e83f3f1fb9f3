// The addresses of the device ledger's pages (機器台帳). An inspector or a vendor names the institution with
// ?organisation= (kept on every link between the pages).
export type LedgerRoute =
  | { kind: 'ledger'; page: 'list' }
  | { kind: 'ledger'; page: 'new' }
  | { kind: 'ledger'; page: 'detail'; id: number }
  | { kind: 'ledger'; page: 'edit'; id: number };

export const ledgerPaths = {
  list: '/ledger',
  create: '/ledger/new',
  detail: (id: number) => `/ledger/${id}`,
  edit: (id: number) => `/ledger/${id}/edit`,
};

export function matchLedgerRoute(path: string): LedgerRoute | null {
  if (path === '/ledger') return { kind: 'ledger', page: 'list' };
  if (path === '/ledger/new') return { kind: 'ledger', page: 'new' };
  const one = /^\/ledger\/([1-9][0-9]{0,15})(\/edit)?$/.exec(path);
  if (one === null) return null;
  return { kind: 'ledger', page: one[2] === undefined ? 'detail' : 'edit', id: Number(one[1]) };
}

/** The ?organisation= of the current address, when an inspector or a vendor looks at an institution. */
export function organisationParam(): number | null {
  const value = new URLSearchParams(window.location.search).get('organisation');
  return value !== null && /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : null;
}

export function withOrganisation(path: string, organisation: number | null): string {
  if (organisation === null) return path;
  return `${path}${path.includes('?') ? '&' : '?'}organisation=${organisation}`;
}
