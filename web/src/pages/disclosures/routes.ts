// The addresses of the MDS/SDS pages: the vendor's products and the institution's status per system.
export type DisclosuresRoute = { kind: 'disclosures'; page: 'vendor' } | { kind: 'disclosures'; page: 'institution' };

export const disclosuresPaths = {
  vendor: '/vendor/disclosures',
  institution: '/systems/disclosures',
};

export function matchDisclosuresRoute(path: string): DisclosuresRoute | null {
  if (path === disclosuresPaths.vendor) return { kind: 'disclosures', page: 'vendor' };
  if (path === disclosuresPaths.institution) return { kind: 'disclosures', page: 'institution' };
  return null;
}
