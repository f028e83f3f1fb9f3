// The addresses of the vulnerability response pages (脆弱性対応): the dashboard, one finding, the device
// check and the ministry's national count.
export type FindingsRoute =
  | { kind: 'findings'; page: 'dashboard' }
  | { kind: 'findings'; page: 'check' }
  | { kind: 'findings'; page: 'national' }
  | { kind: 'findings'; page: 'detail'; id: number };

export const findingsPaths = {
  dashboard: '/findings',
  check: '/findings/check',
  national: '/findings/national',
  detail: (id: number) => `/findings/${id}`,
};

export function matchFindingsRoute(path: string): FindingsRoute | null {
  if (path === '/findings') return { kind: 'findings', page: 'dashboard' };
  if (path === '/findings/check') return { kind: 'findings', page: 'check' };
  if (path === '/findings/national') return { kind: 'findings', page: 'national' };
  const one = /^\/findings\/([1-9][0-9]{0,15})$/.exec(path);
  return one === null ? null : { kind: 'findings', page: 'detail', id: Number(one[1]) };
}
