// The identity and access pages, by route (auth/routes.ts).
import type { IdentityPage as Page } from '../../auth/routes';
import type { Messages } from '../../i18n/ja';
import { Audit } from '../admin/Audit';
import { Organisation } from '../admin/Organisation';
import { Users } from '../admin/Users';
import { Account } from './Account';
import { Invitation } from './Invitation';
import { Login } from './Login';
import { MfaEnrolment } from './MfaEnrolment';
import { Setup } from './Setup';

export function identityTitle(t: Messages, page: Page): string {
  switch (page) {
    case 'login':
      return t.identity.login.title;
    case 'setup':
      return t.identity.setup.title;
    case 'invitation':
      return t.identity.invitation.title;
    case 'account':
      return t.identity.account.title;
    case 'accountMfa':
      return t.identity.mfa.title;
    case 'adminUsers':
      return t.identity.admin.usersTitle;
    case 'adminAudit':
      return t.identity.admin.auditTitle;
    case 'adminOrganisation':
      return t.organisationProfile.title;
  }
}

export function IdentityPage({ page }: { page: Page }) {
  switch (page) {
    case 'login':
      return <Login />;
    case 'setup':
      return <Setup />;
    case 'invitation':
      return <Invitation />;
    case 'account':
      return <Account />;
    case 'accountMfa':
      return <MfaEnrolment />;
    case 'adminUsers':
      return <Users />;
    case 'adminAudit':
      return <Audit />;
    case 'adminOrganisation':
      return <Organisation />;
  }
}
