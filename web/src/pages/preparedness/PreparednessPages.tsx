// The preparedness pages (非常時の備え), behind a session: the overview, the contact chart, backups, drills,
// incidents, one incident and the BCP 確認表.
import { RequireSession } from '../../auth/RequireSession';
import type { Messages } from '../../i18n/ja';
import { Backups } from './Backups';
import { Bcp } from './Bcp';
import { ContactChart } from './ContactChart';
import { Drills } from './Drills';
import { IncidentDetail } from './IncidentDetail';
import { Incidents } from './Incidents';
import { Overview } from './Overview';
import type { PreparednessRoute } from './routes';

export function preparednessPageTitle(t: Messages, route: PreparednessRoute): string {
  const p = t.preparedness;
  switch (route.page) {
    case 'overview':
      return p.title;
    case 'contacts':
      return p.contacts.title;
    case 'backups':
      return p.backups.title;
    case 'drills':
      return p.drills.title;
    case 'incidents':
      return p.incidents.title;
    case 'incident':
      return p.incidents.detailTitle;
    case 'bcp':
      return p.bcp.title;
  }
}

export function PreparednessPage({ route }: { route: PreparednessRoute }) {
  return (
    <RequireSession>
      {() => {
        switch (route.page) {
          case 'overview':
            return <Overview />;
          case 'contacts':
            return <ContactChart />;
          case 'backups':
            return <Backups />;
          case 'drills':
            return <Drills />;
          case 'incidents':
            return <Incidents />;
          case 'incident':
            return <IncidentDetail key={route.id} id={route.id} />;
          case 'bcp':
            return <Bcp />;
        }
      }}
    </RequireSession>
  );
}
