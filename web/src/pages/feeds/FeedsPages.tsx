// The vulnerability feed pages, behind a session: the operator's feed status and one CVE for everyone.
import { RequireSession } from '../../auth/RequireSession';
import type { Messages } from '../../i18n/ja';
import { CvePage } from './CvePage';
import { FeedStatusPage } from './FeedStatusPage';
import type { FeedsRoute } from './routes';

export function feedsPageTitle(t: Messages, route: FeedsRoute): string {
  return route.page === 'status' ? t.feeds.title : route.cveId;
}

export function FeedsPage({ route }: { route: FeedsRoute }) {
  return <RequireSession>{() => (route.page === 'status' ? <FeedStatusPage /> : <CvePage cveId={route.cveId} />)}</RequireSession>;
}
