// Client routes of identity and access:
//   /login          password, then the two-factor code
//   /setup          first-run setup of the first administrator
//   /invitation     accept an invitation (code + new password)
//   /account        profile, password, API tokens
//   /account/mfa    two-factor enrolment and the recovery codes
//   /admin/users    users of the organisations one administers, invitations
//   /admin/audit    the organisation's audit log
//   /admin/organisation  the organisation's name, address and codes

export type IdentityPage = 'login' | 'setup' | 'invitation' | 'account' | 'accountMfa' | 'adminUsers' | 'adminAudit' | 'adminOrganisation';

export type IdentityRoute = { kind: 'identity'; page: IdentityPage };

export const identityPaths: Record<IdentityPage, string> = {
  login: '/login',
  setup: '/setup',
  invitation: '/invitation',
  account: '/account',
  accountMfa: '/account/mfa',
  adminUsers: '/admin/users',
  adminAudit: '/admin/audit',
  adminOrganisation: '/admin/organisation',
};

export function matchIdentityRoute(path: string): IdentityRoute | null {
  if (path === '/admin') return { kind: 'identity', page: 'adminUsers' };
  for (const [page, candidate] of Object.entries(identityPaths) as [IdentityPage, string][]) {
    if (candidate === path) return { kind: 'identity', page };
  }
  return null;
}
