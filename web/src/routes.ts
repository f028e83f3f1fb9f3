import { matchIdentityRoute, type IdentityRoute } from './auth/routes';
import type { Messages } from './i18n/ja';
import { matchAssessmentRoute, type AssessmentRoute } from './pages/assessments/routes';
import { matchCatalogRoute, type CatalogRoute } from './pages/catalog/routes';
import { matchEditionEditorRoute, type EditionEditorRoute } from './pages/editions/routes';
import { matchInspectionRecordRoute, type InspectionRecordRoute } from './pages/inspections/record/routes';
import { matchRequestsRoute, type RequestsRoute } from './pages/inspections/requests/routes';
import { matchInspectionPlanRoute, type InspectionPlanRoute } from './pages/inspections/plan/routes';
import { matchRoleSharingRoute, type RoleSharingRoute } from './pages/role-sharing/routes';
import { matchSystemsRoute, type SystemsRoute } from './pages/systems/routes';
import { matchLedgerImportRoute, type LedgerImportRoute } from './pages/ledger-import/routes';
import { matchFindingsRoute, type FindingsRoute } from './pages/findings/routes';
import { matchLedgerRoute, type LedgerRoute } from './pages/ledger/routes';
import { matchVendorsRoute, type VendorsRoute } from './pages/vendors/routes';
import { matchDisclosuresRoute, type DisclosuresRoute } from './pages/disclosures/routes';
import { matchFeedsRoute, type FeedsRoute } from './pages/feeds/routes';
import { matchVendorRequestsRoute, type VendorRequestsRoute } from './pages/vendor-requests/routes';
import { matchStatisticsRoute, type StatisticsRoute } from './pages/statistics/routes';
import { matchSurveysRoute, type SurveysRoute } from './pages/surveys/routes';
import { matchPreparednessRoute, type PreparednessRoute } from './pages/preparedness/routes';

// Top-level places in the navigation. Those without a screen yet show the "coming soon" page;
// the catalog and the self-assessment have their own routes (pages/catalog/routes.ts,
// pages/assessments/routes.ts).
export type Section = 'catalog' | 'assessments' | 'inventory' | 'inspections' | 'statistics';

export type NavKey = Exclude<keyof Messages['nav'], 'label'>;

export interface NavItem {
  key: NavKey;
  path: string;
}

export const sections: readonly Section[] = ['catalog', 'assessments', 'inventory', 'inspections', 'statistics'];

export const navItems: readonly NavItem[] = [
  { key: 'home', path: '/' },
  ...sections.map((section) => ({ key: section, path: `/${section}` })),
];

export type Route =
  | { kind: 'home' }
  | { kind: 'section'; section: Section }
  | CatalogRoute
  | EditionEditorRoute
  | AssessmentRoute
  | RequestsRoute
  | InspectionPlanRoute
  | IdentityRoute
  | LandingRoute
  | InspectionRecordRoute
  | SystemsRoute
  | LedgerRoute
  | FindingsRoute
  | VendorsRoute
  | RoleSharingRoute
  | DisclosuresRoute
  | VendorRequestsRoute
  | LedgerImportRoute
  | FeedsRoute
  | StatisticsRoute
  | SurveysRoute
  | PreparednessRoute
  | { kind: 'notFound' };

// Pages where a kind of user lands after login (auth/landing.ts): the jurisdiction's checklists. (The
// ministry's analysts land on the statistics dashboard, pages/statistics; a vendor on its dashboard,
// pages/vendor-requests.)
export type LandingPage = 'inspections';
export type LandingRoute = { kind: 'landing'; page: LandingPage };
const landingPages: readonly LandingPage[] = ['inspections'];

export function matchRoute(path: string): Route {
  if (path === '/') return { kind: 'home' };
  const feeds = matchFeedsRoute(path);
  if (feeds !== null) return feeds;
  // Before the catalog: /catalog/drafts/3 would otherwise read as edition "drafts", form "3".
  const editor = matchEditionEditorRoute(path);
  if (editor !== null) return editor;
  const catalog = matchCatalogRoute(path);
  if (catalog !== null) return catalog;
  const assessment = matchAssessmentRoute(path);
  if (assessment !== null) return assessment;
  const record = matchInspectionRecordRoute(path);
  if (record !== null) return record;
  const requests = matchRequestsRoute(path);
  if (requests !== null) return requests;
  const plan = matchInspectionPlanRoute(path);
  if (plan !== null) return plan;
  const roleSharing = matchRoleSharingRoute(path);
  if (roleSharing !== null) return roleSharing;
  const disclosures = matchDisclosuresRoute(path);
  if (disclosures !== null) return disclosures;
  // Before the systems register and the landing pages: /systems/3/vendor-request and /vendor are its pages.
  const vendorRequests = matchVendorRequestsRoute(path);
  if (vendorRequests !== null) return vendorRequests;
  const ledgerImport = matchLedgerImportRoute(path);
  if (ledgerImport !== null) return ledgerImport;
  const systems = matchSystemsRoute(path);
  if (systems !== null) return systems;
  const ledger = matchLedgerRoute(path);
  if (ledger !== null) return ledger;
  const findings = matchFindingsRoute(path);
  if (findings !== null) return findings;
  const vendors = matchVendorsRoute(path);
  if (vendors !== null) return vendors;
  const statistics = matchStatisticsRoute(path);
  if (statistics !== null) return statistics;
  const surveys = matchSurveysRoute(path);
  if (surveys !== null) return surveys;
  const preparedness = matchPreparednessRoute(path);
  if (preparedness !== null) return preparedness;
  const identity = matchIdentityRoute(path);
  if (identity !== null) return identity;
  const landing = landingPages.find((candidate) => path === `/${candidate}`);
  if (landing !== undefined) return { kind: 'landing', page: landing };
  const section = sections.find((candidate) => path === `/${candidate}`);
  return section === undefined ? { kind: 'notFound' } : { kind: 'section', section };
}
