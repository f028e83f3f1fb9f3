// The pages of the yearly inspection plan, behind a session; the page's title for the document.
import { RequireSession } from '../../../auth/RequireSession';
import type { Messages } from '../../../i18n/ja';
import { useParams } from './PlanFrame';
import { PlanPage } from './PlanPage';
import { PolicyPage } from './PolicyPage';
import type { InspectionPlanRoute } from './routes';
import { SummaryPage } from './SummaryPage';
import { VisitPage } from './VisitPage';

export function inspectionPlanTitle(t: Messages, route: InspectionPlanRoute): string {
  const p = t.inspectionPlan;
  switch (route.page) {
    case 'plan':
      return p.planTitle;
    case 'visit':
      return `${p.visitsHeading} | ${p.planTitle}`;
    case 'policy':
      return p.policyTitle;
    case 'summary':
      return p.summaryTitle;
  }
}

export function InspectionPlanPages({ route }: { route: InspectionPlanRoute }) {
  const params = useParams();
  return (
    <RequireSession>
      {(session) => {
        switch (route.page) {
          case 'plan':
            return <PlanPage session={session} params={params} />;
          case 'visit':
            return <VisitPage key={route.id} session={session} params={params} id={route.id} />;
          case 'policy':
            return <PolicyPage session={session} params={params} />;
          case 'summary':
            return <SummaryPage session={session} params={params} />;
        }
      }}
    </RequireSession>
  );
}
