// The addresses of the preparedness pages (非常時の備え): the overview, the contact chart, backups, drills,
// incidents, one incident and the BCP 確認表.
export type PreparednessPage = 'overview' | 'contacts' | 'backups' | 'drills' | 'incidents' | 'bcp';

export type PreparednessRoute =
  | { kind: 'preparedness'; page: PreparednessPage }
  | { kind: 'preparedness'; page: 'incident'; id: number };

export const preparednessPaths = {
  overview: '/preparedness',
  contacts: '/preparedness/contacts',
  backups: '/preparedness/backups',
  backup: (id: number) => `/preparedness/backups#backup-${id}`,
  drills: '/preparedness/drills',
  incidents: '/preparedness/incidents',
  incident: (id: number) => `/preparedness/incidents/${id}`,
  bcp: '/preparedness/bcp',
};

const pages: Record<string, PreparednessPage> = {
  '/preparedness': 'overview',
  '/preparedness/contacts': 'contacts',
  '/preparedness/backups': 'backups',
  '/preparedness/drills': 'drills',
  '/preparedness/incidents': 'incidents',
  '/preparedness/bcp': 'bcp',
};

export function matchPreparednessRoute(path: string): PreparednessRoute | null {
  const page = pages[path];
  if (page !== undefined) return { kind: 'preparedness', page };
  const one = /^\/preparedness\/incidents\/([1-9][0-9]{0,15})$/.exec(path);
  return one === null ? null : { kind: 'preparedness', page: 'incident', id: Number(one[1]) };
}
