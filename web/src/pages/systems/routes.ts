// The addresses of the systems register's pages (システム台帳).
export type SystemsRoute =
  | { kind: 'systems'; page: 'list' }
  | { kind: 'systems'; page: 'new' }
  | { kind: 'systems'; page: 'detail'; id: number }
  | { kind: 'systems'; page: 'edit'; id: number };

export const systemsPaths = {
  list: '/systems',
  create: '/systems/new',
  detail: (id: number) => `/systems/${id}`,
  edit: (id: number) => `/systems/${id}/edit`,
};

export function matchSystemsRoute(path: string): SystemsRoute | null {
  if (path === '/systems') return { kind: 'systems', page: 'list' };
  if (path === '/systems/new') return { kind: 'systems', page: 'new' };
  const one = /^\/systems\/([1-9][0-9]{0,15})(\/edit)?$/.exec(path);
  if (one === null) return null;
  return { kind: 'systems', page: one[2] === undefined ? 'detail' : 'edit', id: Number(one[1]) };
}
