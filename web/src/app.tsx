import { useEffect, useRef } from 'preact/hooks';
import { startSession } from './auth/session';
import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { Nav } from './components/Nav';
import { SessionTimeout } from './components/SessionTimeout';
import { SkipLink } from './components/SkipLink';
import { I18nProvider, useI18n } from './i18n';
import type { Messages } from './i18n/ja';
import { CatalogIndex } from './pages/catalog/CatalogIndex';
import { Compare } from './pages/catalog/Compare';
import { editionTitle, FormPage, formTitle } from './pages/catalog/FormPage';
import { GuidelinePage } from './pages/catalog/GuidelinePage';
import { ItemHistory } from './pages/catalog/ItemHistory';
import { DraftComparePage } from './pages/editions/DraftComparePage';
import { DraftPage } from './pages/editions/DraftPage';
import { DraftsPage } from './pages/editions/DraftsPage';
import { IdentityPage, identityTitle } from './pages/account/IdentityPage';
import { assessmentPageTitle, AssessmentsPage } from './pages/assessments/AssessmentsPage';
import { ComingSoon } from './pages/ComingSoon';
import { RequestsPage, requestsPageTitle } from './pages/inspections/requests/RequestsPages';
import { LandingPage } from './pages/landing/LandingPage';
import { RecordPage } from './pages/inspections/record/RecordPage';
import { InspectionPlanPages, inspectionPlanTitle } from './pages/inspections/plan/InspectionPlanPages';
import { Home } from './pages/Home';
import { RoleSharingPage, roleSharingPageTitle } from './pages/role-sharing/RoleSharingPages';
import { SystemsPage, systemsPageTitle } from './pages/systems/SystemsPages';
import { LedgerImportPage, ledgerImportPageTitle } from './pages/ledger-import/LedgerImportPages';
import { FindingsPage, findingsPageTitle } from './pages/findings/FindingsPages';
import { LedgerPage, ledgerPageTitle } from './pages/ledger/LedgerPages';
import { VendorsPage, vendorsPageTitle } from './pages/vendors/VendorsPages';
import { DisclosuresPage, disclosuresPageTitle } from './pages/disclosures/DisclosuresPages';
import { VendorRequestsPage, vendorRequestsTitle } from './pages/vendor-requests/VendorRequestsPages';
import { FeedsPage, feedsPageTitle } from './pages/feeds/FeedsPages';
import { StatisticsPage, statisticsPageTitle } from './pages/statistics/StatisticsPages';
import { SurveysPage, surveysPageTitle } from './pages/surveys/SurveysPages';
import { PreparednessPage, preparednessPageTitle } from './pages/preparedness/PreparednessPages';
import { NotFound } from './pages/NotFound';
import { matchRoute, type Route } from './routes';
import { usePath } from './router';

function pageTitle(t: Messages, route: Route): string {
  switch (route.kind) {
    case 'home':
      return t.nav.home;
    case 'section':
      return t.nav[route.section];
    case 'catalog':
      return t.catalog.indexTitle;
    case 'catalogForm':
      return `${editionTitle(t, route.edition)} ${formTitle(t, route.form)}`;
    case 'catalogItem':
      return `${route.id} | ${t.nav.catalog}`;
    case 'catalogCompare':
      return t.catalog.compareTitle;
    case 'catalogGuidelines':
      return t.guidelineVersions.title;
    case 'editionDrafts':
      return t.editionEditor.listTitle;
    case 'editionDraft':
      return t.editionEditor.draftTitle;
    case 'editionDraftCompare':
      return t.editionEditor.compareTitle;
    case 'assessments':
      return assessmentPageTitle(t, route);
    case 'requests':
      return requestsPageTitle(t, route);
    case 'identity':
      return identityTitle(t, route.page);
    case 'inspectionPlan':
      return inspectionPlanTitle(t, route);
    case 'landing':
      return t.nav[route.page];
    case 'inspectionRecord':
      return t.inspectionRecord.title;
    case 'systems':
      return systemsPageTitle(t, route);
    case 'ledgerImport':
      return ledgerImportPageTitle(t, route);
    case 'ledger':
      return ledgerPageTitle(t, route);
    case 'findings':
      return findingsPageTitle(t, route);
    case 'vendors':
      return vendorsPageTitle(t, route);
    case 'roleSharing':
      return roleSharingPageTitle(t, route);
    case 'disclosures':
      return disclosuresPageTitle(t, route);
    case 'vendorRequests':
      return vendorRequestsTitle(t, route);
    case 'feeds':
      return feedsPageTitle(t, route);
    case 'statistics':
      return statisticsPageTitle(t, route);
    case 'surveys':
      return surveysPageTitle(t, route);
    case 'preparedness':
      return preparednessPageTitle(t, route);
    case 'notFound':
      return t.notFound.title;
  }
}

function Page({ route }: { route: Route }) {
  switch (route.kind) {
    case 'home':
      return <Home />;
    case 'section':
      return <ComingSoon section={route.section} />;
    case 'catalog':
      return <CatalogIndex />;
    case 'catalogForm':
      // Keyed so that switching edition or form starts from a fresh page state.
      return <FormPage key={`${route.edition}/${route.form}`} edition={route.edition} form={route.form} />;
    case 'catalogItem':
      return <ItemHistory key={route.id} id={route.id} />;
    case 'catalogCompare':
      return <Compare />;
    case 'catalogGuidelines':
      return <GuidelinePage />;
    case 'editionDrafts':
      return <DraftsPage />;
    case 'editionDraft':
      return <DraftPage key={route.id} id={route.id} />;
    case 'editionDraftCompare':
      return <DraftComparePage key={route.id} id={route.id} />;
    case 'assessments':
      // Keyed by assessment and page so that each starts from a fresh state (wizard steps share one).
      return <AssessmentsPage key={route.page === 'list' ? 'list' : `${route.id}/${route.page}`} route={route} />;
    case 'requests':
      return <RequestsPage route={route} />;
    case 'identity':
      return <IdentityPage key={route.page} page={route.page} />;
    case 'landing':
      return <LandingPage page={route.page} />;
    case 'inspectionRecord':
      return <RecordPage key={route.visitId} visitId={route.visitId} />;
    case 'inspectionPlan':
      return <InspectionPlanPages key={route.page === 'visit' ? `visit/${route.id}` : route.page} route={route} />;
    case 'ledgerImport':
      return <LedgerImportPage key={route.page === 'wizard' ? 'wizard' : `detail/${route.id}`} route={route} />;
    case 'systems':
      return <SystemsPage key={route.page === 'list' || route.page === 'new' ? route.page : `${route.page}/${route.id}`} route={route} />;
    case 'ledger':
      return <LedgerPage key={route.page === 'list' || route.page === 'new' ? route.page : `${route.page}/${route.id}`} route={route} />;
    case 'findings':
      return <FindingsPage key={route.page === 'detail' ? `detail/${route.id}` : route.page} route={route} />;
    case 'vendors':
      return <VendorsPage key={route.page} route={route} />;
    case 'roleSharing':
      return <RoleSharingPage key={route.page === 'table' ? `table/${route.systemId}` : route.page} route={route} />;
    case 'disclosures':
      return <DisclosuresPage key={route.page} route={route} />;
    case 'vendorRequests':
      return <VendorRequestsPage key={route.page === 'dashboard' || route.page === 'list' || route.page === 'products' || route.page === 'status' ? route.page : `${route.page}/${route.id}`} route={route} />;
    case 'feeds':
      return <FeedsPage key={route.page === 'status' ? 'status' : route.cveId} route={route} />;
    case 'statistics':
      return <StatisticsPage key={route.page} route={route} />;
    case 'surveys':
      return <SurveysPage key={route.page === 'list' ? 'list' : `${route.questionnaire}/${route.version}`} route={route} />;
    case 'preparedness':
      return <PreparednessPage key={route.page === 'incident' ? `incident/${route.id}` : route.page} route={route} />;
    case 'notFound':
      return <NotFound />;
  }
}

function Shell() {
  const { t } = useI18n();
  const path = usePath();
  const route = matchRoute(path);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = `${pageTitle(t, route)} | ${t.product.name} ${t.product.latin}`;
  });

  // After client-side navigation, move focus and scroll to the new content as a page load would,
  // so screen reader and keyboard users are not left on the old link.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus();
  }, [path]);

  return (
    <div class="flex min-h-screen flex-col">
      <SkipLink />
      <Header />
      <Nav path={path} />
      <SessionTimeout path={path} />
      <main id="main" ref={main} tabIndex={-1} class="mx-auto w-full max-w-6xl px-4 py-8 md:px-6 md:py-10">
        <Page route={route} />
      </main>
      <Footer />
    </div>
  );
}

export function App() {
  useEffect(startSession, []);
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  );
}
