import type { Messages } from './i18n/ja';

// Capabilities that have a place in the navigation but no screen yet.
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

export type Route = { kind: 'home' } | { kind: 'section'; section: Section } | { kind: 'notFound' };

export function matchRoute(path: string): Route {
  if (path === '/') return { kind: 'home' };
  const section = sections.find((candidate) => path === `/${candidate}`);
  return section === undefined ? { kind: 'notFound' } : { kind: 'section', section };
}
