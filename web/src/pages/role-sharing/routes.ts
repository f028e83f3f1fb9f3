// The addresses of the 役割分担確認表 pages: one system's table (for the institution and for the vendor that
// runs the system) and the vendor's list of its customers' systems.
export type RoleSharingRoute =
  | { kind: 'roleSharing'; page: 'table'; systemId: number }
  | { kind: 'roleSharing'; page: 'vendorSystems' };

export const roleSharingPaths = {
  table: (systemId: number) => `/systems/${systemId}/role-sharing`,
  vendorSystems: '/vendor/systems',
  document: (systemId: number) => `/api/v1/systems/${systemId}/role-sharing/document.pdf`,
};

export function matchRoleSharingRoute(path: string): RoleSharingRoute | null {
  if (path === roleSharingPaths.vendorSystems) return { kind: 'roleSharing', page: 'vendorSystems' };
  const table = /^\/systems\/([1-9][0-9]{0,15})\/role-sharing$/.exec(path);
  if (table === null) return null;
  return { kind: 'roleSharing', page: 'table', systemId: Number(table[1]) };
}
