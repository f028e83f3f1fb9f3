// The vulnerability response pages (脆弱性対応), behind a session.
import { RequireSession } from '../../auth/RequireSession';
import type { Messages } from '../../i18n/ja';
import { DeviceCheck } from './DeviceCheck';
import { FindingDetail } from './FindingDetail';
import { FindingsDashboard } from './FindingsDashboard';
import { NationalExposure } from './NationalExposure';
import type { FindingsRoute } from './routes';

export function findingsPageTitle(t: Messages, route: FindingsRoute): string {
  const f = t.findings;
  switch (route.page) {
    case 'dashboard':
      return f.title;
    case 'check':
      return f.checkTitle;
    case 'national':
      return f.nationalTitle;
    case 'detail':
      return f.detailTitle;
  }
}

export function FindingsPage({ route }: { route: FindingsRoute }) {
  return (
    <RequireSession>
      {() => {
        switch (route.page) {
          case 'dashboard':
            return <FindingsDashboard />;
          case 'check':
            return <DeviceCheck />;
          case 'national':
            return <NationalExposure />;
          case 'detail':
            return <FindingDetail key={route.id} id={route.id} />;
        }
      }}
    </RequireSession>
  );
}
