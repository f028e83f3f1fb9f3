// Client routes of the public checklist catalog:
//   /catalog                         editions and forms
//   /catalog/compare?from=&to=&form=[&from_form=] two editions side by side
//   /catalog/guidelines              the guideline versions (6.0, 7.0) and what changed
//   /catalog/items/{canonical_id}    one item across editions
//   /catalog/{edition}/{form}        one form of one edition

export type CatalogRoute =
  | { kind: 'catalog' }
  | { kind: 'catalogCompare' }
  | { kind: 'catalogGuidelines' }
  | { kind: 'catalogItem'; id: string }
  | { kind: 'catalogForm'; edition: string; form: string };

function decode(segment: string): string | null {
  try {
    const value = decodeURIComponent(segment);
    return value === '' ? null : value;
  } catch {
    return null;
  }
}

export function matchCatalogRoute(path: string): CatalogRoute | null {
  if (path === '/catalog') return { kind: 'catalog' };
  if (path === '/catalog/compare') return { kind: 'catalogCompare' };
  if (path === '/catalog/guidelines') return { kind: 'catalogGuidelines' };
  const parts = path.split('/').slice(2);
  if (!path.startsWith('/catalog/') || parts.length !== 2) return null;
  const [first, second] = parts.map(decode);
  if (first == null || second == null) return null;
  if (first === 'items') return { kind: 'catalogItem', id: second };
  return { kind: 'catalogForm', edition: first, form: second };
}

export const catalogPaths = {
  index: '/catalog',
  guidelines: '/catalog/guidelines',
  form: (edition: string, form: string) => `/catalog/${encodeURIComponent(edition)}/${encodeURIComponent(form)}`,
  item: (canonicalId: string) => `/catalog/items/${encodeURIComponent(canonicalId)}`,
  compare: (from: string, to: string, form: string, fromForm = '') =>
    `/catalog/compare?${new URLSearchParams(fromForm !== '' && fromForm !== form ? { from, to, form, from_form: fromForm } : { from, to, form }).toString()}`,
};

// Edition ids are "r" + the Reiwa year (docs/catalog-format.md §2), so a page title can name the edition
// before its data has loaded.
export function fiscalYearOfEditionId(id: string): number | null {
  const match = /^r(\d{1,2})$/.exec(id);
  return match?.[1] === undefined ? null : 2018 + Number(match[1]);
}
