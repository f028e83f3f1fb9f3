// On an institution's dashboard: a reminder when improvement requests are overdue (or wait for an answer).
import { useResource } from '../../../api/useResource';
import { isInstitutionUser } from '../../../auth/landing';
import { useSession } from '../../../auth/session';
import { useI18n } from '../../../i18n';
import { Link } from '../../../router';
import { WarningNotice } from '../../account/ui';
import { linkClass } from '../../catalog/ui';
import { loadRequests, requestPaths } from './requestsApi';

function Banner() {
  const { t } = useI18n();
  const r = t.improvementRequests;
  const [resource] = useResource('improvement-requests-banner', (signal) => loadRequests(signal));
  if (resource.state !== 'ready') return null;
  const waiting = resource.data.requests.filter((request) => request.actions.includes('submit_plan') || request.actions.includes('report_completion')).length;
  if (resource.data.overdue === 0 && waiting === 0) return null;
  return (
    <div class="mb-6" data-testid="requests-banner">
      <WarningNotice>
        {resource.data.overdue > 0 ? r.overdueBanner(resource.data.overdue) : r.openBanner(waiting)}{' '}
        <Link href={requestPaths.list} class={linkClass}>
          {r.overdueBannerLink}
        </Link>
      </WarningNotice>
    </div>
  );
}

export function OverdueBanner() {
  const session = useSession();
  if (session.status !== 'active' || session.mfa !== 'none' || !isInstitutionUser(session.user)) return null;
  return <Banner />;
}
