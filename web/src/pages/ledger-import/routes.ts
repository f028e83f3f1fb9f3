// The addresses of the ledger import pages (機器台帳の取込): the wizard with the history, and one import.
export type LedgerImportRoute = { kind: 'ledgerImport'; page: 'wizard' } | { kind: 'ledgerImport'; page: 'detail'; id: number };

export const ledgerImportPaths = {
  wizard: '/ledger/import',
  detail: (id: number) => `/ledger/import/${id}`,
};

export function matchLedgerImportRoute(path: string): LedgerImportRoute | null {
  if (path === '/ledger/import') return { kind: 'ledgerImport', page: 'wizard' };
  const one = /^\/ledger\/import\/([1-9][0-9]{0,15})$/.exec(path);
  return one === null ? null : { kind: 'ledgerImport', page: 'detail', id: Number(one[1]) };
}
