// /inspections: a signed-in user's landing page (auth/landing.ts). A visitor who is not signed in sees, as
// before, what the section will offer (the "coming soon" page of the public menu). (/statistics has its own
// pages, pages/statistics.)
import { useSession } from '../../auth/session';
import type { LandingPage as Page } from '../../routes';
import { LoadingLine } from '../account/ui';
import { ComingSoon } from '../ComingSoon';
import { JurisdictionChecklists } from '../inspections/JurisdictionChecklists';

export function LandingPage({ page }: { page: Page }) {
  const session = useSession();
  if (session.status === 'loading') return <LoadingLine />;
  if (session.status === 'anonymous') return <ComingSoon section={page} />;
  return <JurisdictionChecklists />;
}
