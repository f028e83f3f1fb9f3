// The improvement requests' pages by route (routes.ts), and their titles.
import type { Messages } from '../../../i18n/ja';
import { PackagePage } from './PackagePage';
import { RequestDetail } from './RequestDetail';
import { RequestsList } from './RequestsList';
import type { RequestsRoute } from './routes';
import { VisitRequests } from './VisitRequests';

export function requestsPageTitle(t: Messages, route: RequestsRoute): string {
  const r = t.improvementRequests;
  switch (route.page) {
    case 'list':
      return r.listTitle;
    case 'detail':
      return r.listTitle;
    case 'visit':
      return r.requests;
    case 'package':
      return r.packageTitle('').trim();
  }
}

export function RequestsPage({ route }: { route: RequestsRoute }) {
  switch (route.page) {
    case 'list':
      return <RequestsList />;
    case 'detail':
      return <RequestDetail key={route.id} id={route.id} />;
    case 'visit':
      return <VisitRequests key={route.visitId} visitId={route.visitId} />;
    case 'package':
      return <PackagePage key={route.visitId} visitId={route.visitId} />;
  }
}
