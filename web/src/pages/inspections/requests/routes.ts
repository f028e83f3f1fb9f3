// The addresses of the improvement requests' pages (see requestsApi.ts requestPaths).
export type RequestsRoute =
  | { kind: 'requests'; page: 'list' }
  | { kind: 'requests'; page: 'detail'; id: number }
  | { kind: 'requests'; page: 'visit'; visitId: number }
  | { kind: 'requests'; page: 'package'; visitId: number };

export function matchRequestsRoute(path: string): RequestsRoute | null {
  if (path === '/improvement-requests') return { kind: 'requests', page: 'list' };
  const detail = /^\/improvement-requests\/([1-9][0-9]{0,15})$/.exec(path);
  if (detail !== null) return { kind: 'requests', page: 'detail', id: Number(detail[1]) };
  const visit = /^\/inspections\/visits\/([1-9][0-9]{0,15})\/(requests|package)$/.exec(path);
  if (visit !== null) return { kind: 'requests', page: visit[2] === 'package' ? 'package' : 'visit', visitId: Number(visit[1]) };
  return null;
}
