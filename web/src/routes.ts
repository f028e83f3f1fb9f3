import { matchIdentityRoute, type IdentityRoute } from './auth/routes';
import type { Messages } from './i18n/ja';
import { matchAssessmentRoute, type AssessmentRoute } from './pages/assessments/routes';
import { matchCatalogRoute, type CatalogRoute } from './pages/catalog/routes';

// Top-level places in the navigation. Those without a screen yet show the "coming soon" page;
// the catalog and the self-assessment have their own routes (pages/catalog/routes.ts,
// pages/assessments/routes.ts).
export type Section = 'catalog' | 'assessments' | 'inventory' | 'inspections' | 'statistics';

export type NavKey = Exclude<keyof Messages['nav'], 'label'>;

export interface NavItem {
  key: NavKey;
  path: string;
}

export const sections: readonly Section[] = ['catalog', 'assessments', 'inventory', 'inspections', 'statistics'];

export const navItems: readonly NavItem[] = [
  { key: 'home', path: '/' },
  ...sections.map((section) => ({ key: section, path: `/${section}` })),
];

export type Route =
  | { kind: 'home' }
  | { kind: 'section'; section: Section }
  | CatalogRoute
  | AssessmentRoute
  | IdentityRoute
  | { kind: 'notFound' };

export function matchRoute(path: string): Route {
  if (path === '/') return { kind: 'home' };
  const catalog = matchCatalogRoute(path);
  if (catalog !== null) return catalog;
  const assessment = matchAssessmentRoute(path);
  if (assessment !== null) return assessment;
  const identity = matchIdentityRoute(path);
  if (identity !== null) return identity;
  const section = sections.find((candidate) => path === `/${candidate}`);
  return section === undefined ? { kind: 'notFound' } : { kind: 'section', section };
}
