import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n';
import { currentLocation, navigate } from '../router';
import { identityPaths } from './routes';
import { loginPath, useSession, type ActiveSession } from './session';

/**
 * Shows `children` only to a logged-in user. Others are sent to the login page, which brings them
 * back here afterwards; a user who still has to enrol in two-factor authentication is sent to the
 * enrolment page (`allowEnrolment` pages, i.e. that page itself, are shown to them).
 */
export function RequireSession({
  allowEnrolment = false,
  children,
}: {
  allowEnrolment?: boolean;
  children: (session: ActiveSession) => ComponentChildren;
}) {
  const { t } = useI18n();
  const session = useSession();
  const redirect =
    session.status === 'anonymous' || (session.status === 'active' && session.mfa === 'verify')
      ? loginPath(currentLocation())
      : session.status === 'active' && session.mfa === 'enrol' && !allowEnrolment
        ? `${identityPaths.accountMfa}?${new URLSearchParams({ next: currentLocation() }).toString()}`
        : null;

  useEffect(() => {
    if (redirect !== null) navigate(redirect, { replace: true });
  }, [redirect]);

  if (session.status !== 'active' || redirect !== null) {
    return (
      <p role="status" class="text-std-16N-170 text-solid-gray-700" data-testid="identity-loading">
        {t.identity.loading}
      </p>
    );
  }
  return <>{children(session)}</>;
}
