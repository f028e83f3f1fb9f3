// The pages of 事業者確認用 requests, behind a session: the vendor's dashboard, request list, products with
// their answers and one request; the institution's request form (from a system), status list and one request.
import { RequireSession } from '../../auth/RequireSession';
import type { Messages } from '../../i18n/ja';
import { AnswerEditor } from './AnswerEditor';
import { VendorDashboard } from './Dashboard';
import { InstitutionDetail, InstitutionList } from './InstitutionStatus';
import { Products } from './Products';
import { RequestForm } from './RequestForm';
import { RequestList } from './RequestList';
import type { VendorRequestsRoute } from './routes';
import { VendorDetail } from './VendorDetail';

export function vendorRequestsTitle(t: Messages, route: VendorRequestsRoute): string {
  const v = t.vendorRequests;
  switch (route.page) {
    case 'dashboard':
      return v.dashboard.title;
    case 'list':
    case 'vendorDetail':
      return v.list.title;
    case 'products':
    case 'answers':
      return v.products.title;
    case 'ask':
      return v.requestForm.title;
    case 'status':
    case 'statusDetail':
      return v.institution.title;
  }
}

export function VendorRequestsPage({ route }: { route: VendorRequestsRoute }) {
  return (
    <RequireSession>
      {() => {
        switch (route.page) {
          case 'dashboard':
            return <VendorDashboard />;
          case 'list':
            return <RequestList />;
          case 'vendorDetail':
            return <VendorDetail key={route.id} id={route.id} />;
          case 'products':
            return <Products />;
          case 'answers':
            return <AnswerEditor key={route.id} id={route.id} />;
          case 'ask':
            return <RequestForm key={route.id} systemId={route.id} />;
          case 'status':
            return <InstitutionList />;
          case 'statusDetail':
            return <InstitutionDetail key={route.id} id={route.id} />;
        }
      }}
    </RequireSession>
  );
}
