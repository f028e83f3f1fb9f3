// The addresses of the vulnerability feed pages: the operator's feed status (upload and history) and one CVE.
export type FeedsRoute = { kind: 'feeds'; page: 'status' } | { kind: 'feeds'; page: 'cve'; cveId: string };

export const feedsPaths = {
  status: '/feeds',
  cve: (cveId: string) => `/cves/${cveId}`,
};

export function matchFeedsRoute(path: string): FeedsRoute | null {
  if (path === feedsPaths.status) return { kind: 'feeds', page: 'status' };
  const cve = /^\/cves\/(CVE-[0-9]{4}-[0-9]{4,19})$/.exec(path);
  if (cve === null) return null;
  return { kind: 'feeds', page: 'cve', cveId: cve[1] ?? '' };
}
