// Where a signed-in user's work is: the first page after login, and where "Home" leads them.
//   institutions (hospital, clinic, dental clinic, pharmacy)  → / (their checklist dashboard)
//   health centres, prefecture inspectors and viewers         → /inspections (the jurisdiction's checklists)
//   a prefecture's analysts (aggregates only)                 → /statistics
//   administrators of a prefecture or the ministry            → /admin/users (they onboard the next level)
//   the ministry's analysts and viewers                       → /statistics (the statistics dashboard)
//   vendors                                                   → /vendor (their dashboard of requests from institutions)
import { identityPaths } from './routes';
import type { User } from './types';

export const landingPaths = {
  dashboard: '/',
  inspections: '/inspections',
  statistics: '/statistics',
  vendor: '/vendor',
} as const;

const institutionKinds = new Set(['hospital', 'clinic', 'dental_clinic', 'pharmacy']);

/** The user's organisation kind, as the session answer carries it ("" when it does not). */
export function organisationKind(user: User): string {
  const kind = (user as User & { organisation_kind?: unknown }).organisation_kind;
  return typeof kind === 'string' ? kind : '';
}

export function isInstitutionUser(user: User): boolean {
  return institutionKinds.has(organisationKind(user));
}

export function landingPath(user: User): string {
  const kind = organisationKind(user);
  const roles = new Set(user.roles);
  const onlyAdministrator = roles.has('administrator') && !roles.has('inspector') && !roles.has('analyst');
  switch (kind) {
    case 'health_centre':
      return landingPaths.inspections;
    case 'prefecture':
      if (onlyAdministrator) return identityPaths.adminUsers;
      return roles.has('analyst') && !roles.has('inspector') ? landingPaths.statistics : landingPaths.inspections;
    case 'ministry':
      return onlyAdministrator ? identityPaths.adminUsers : landingPaths.statistics;
    case 'vendor':
      return landingPaths.vendor;
    default:
      return landingPaths.dashboard;
  }
}
