// /inspections and /statistics: a signed-in user's landing pages (auth/landing.ts). A visitor who is
// not signed in sees, as before, what the section will offer (the "coming soon" page of the public menu).
import { useSession } from '../../auth/session';
import type { LandingPage as Page } from '../../routes';
import { LoadingLine } from '../account/ui';
import { ComingSoon } from '../ComingSoon';
import { JurisdictionChecklists } from '../inspections/JurisdictionChecklists';
import { NationalFigures } from './Placeholders';

export function LandingPage({ page }: { page: Page }) {
  const session = useSession();
  if (session.status === 'loading') return <LoadingLine />;
  if (session.status === 'anonymous') return <ComingSoon section={page} />;
  switch (page) {
    case 'inspections':
      return <JurisdictionChecklists />;
    case 'statistics':
      return <NationalFigures />;
  }
}
