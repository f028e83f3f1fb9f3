import { identityPaths } from '../auth/routes';
import { isInstitutionUser, organisationKind } from '../auth/landing';
import { isAdministrator, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { vendorsPaths } from '../pages/vendors/routes';
import { navItems } from '../routes';
import { findingsPaths } from '../pages/findings/routes';
import { vendorPaths } from '../pages/vendor-requests/routes';
import { surveysPaths } from '../pages/surveys/routes';
import { preparednessPaths } from '../pages/preparedness/routes';

interface ShownItem {
  label: string;
  path: string;
  section: string;
}

// Administrators also get 管理 (users and the audit log), which covers every page under /admin; the users
// of an institution get its システム台帳 (the systems register), 非常時の備え (preparedness), 取引先事業者 and 事業者の回答状況 after 自己点検;
// a health centre or prefecture gets the incidents reported to it.
// The users of a vendor get their own places instead of the institution's sections: the dashboard, requests,
// products, MDS/SDS, the 役割分担確認表 and their customers, then the checklist's catalog.
export function Nav({ path }: { path: string }) {
  const { t } = useI18n();
  const session = useSession();
  const active = session.status === 'active' && session.mfa === 'none';
  const kind = active ? organisationKind(session.user) : null;
  const items: ShownItem[] =
    kind === 'vendor'
      ? [
          { label: t.vendorRequests.nav.dashboard, path: vendorPaths.dashboard, section: '' },
          { label: t.vendorRequests.nav.requests, path: vendorPaths.list, section: vendorPaths.list },
          { label: t.vendorRequests.nav.products, path: vendorPaths.products, section: vendorPaths.products },
          { label: t.vendorDisclosures.navVendor, path: '/vendor/disclosures', section: '/vendor/disclosures' },
          { label: t.roleSharing.vendorNav, path: '/vendor/systems', section: '/vendor/systems' },
          { label: t.vendorLinks.navCustomers, path: vendorsPaths.customers, section: vendorsPaths.customers },
          { label: t.nav.catalog, path: '/catalog', section: '/catalog' },
        ]
      : navItems.map((item) => ({ label: t.nav[item.key], path: item.path, section: item.path }));
  if (active && isInstitutionUser(session.user)) {
    // 機器台帳 (the "inventory" place) is the device ledger for an institution's users.
    const inventory = items.findIndex((item) => item.path === '/inventory');
    if (inventory >= 0) items[inventory] = { label: t.ledger.nav, path: '/ledger', section: '/ledger' };
    const after = items.findIndex((item) => item.path === '/assessments');
    items.splice(
      after + 1,
      0,
      { label: t.systemsRegister.nav, path: '/systems', section: '/systems' },
      { label: t.preparedness.navLabel, path: preparednessPaths.overview, section: preparednessPaths.overview },
      { label: t.findings.nav, path: findingsPaths.dashboard, section: findingsPaths.dashboard },
      { label: t.vendorLinks.nav, path: vendorsPaths.institution, section: vendorsPaths.institution },
      { label: t.vendorRequests.nav.institutionStatus, path: vendorPaths.status, section: vendorPaths.status },
    );
    // 調査: MHLW's survey targets hospitals only (the server decides; a hospital is who it asks today).
    if (kind === 'hospital') items.splice(after + 1, 0, { label: t.surveys.nav, path: surveysPaths.list, section: surveysPaths.list });
  }
  // A health centre or prefecture reads the incidents its institutions reported to it.
  if (active && (kind === 'health_centre' || kind === 'prefecture'))
    items.push({ label: t.preparedness.incidents.navReported, path: preparednessPaths.incidents, section: preparednessPaths.incidents });
  if (active && kind === 'ministry')
    items.push({ label: t.findings.nationalNav, path: findingsPaths.national, section: findingsPaths.national });
  if (active && kind === 'ministry' && isAdministrator(session.user))
    items.push({ label: t.vendorLinks.navOrganisations, path: vendorsPaths.organisations, section: vendorsPaths.organisations });
  if (active && kind === 'ministry' && isAdministrator(session.user)) items.push({ label: t.feeds.nav, path: '/feeds', section: '/feeds' });
  if (active && isAdministrator(session.user)) items.push({ label: t.nav.admin, path: identityPaths.adminUsers, section: '/admin' });
  return (
    <nav aria-label={t.nav.label} class="border-b border-solid-gray-200 bg-solid-gray-50 print:hidden">
      <ul class="mx-auto grid max-w-6xl grid-cols-3 px-2 md:flex md:flex-wrap md:px-2">
        {items.map((item) => {
          const current = item.path === path;
          // Pages below a section (e.g. /catalog/r7/medical) mark their section as the current place.
          const within = !current && item.section !== '' && item.path !== '/' && path.startsWith(`${item.section}/`);
          return (
            <li key={item.path}>
              <Link
                href={item.path}
                {...(current ? { 'aria-current': 'page' as const } : within ? { 'aria-current': 'true' as const } : {})}
                class={`flex min-h-12 items-center justify-center border-b-4 px-1 text-center text-dns-14N-130 md:whitespace-nowrap md:px-4 md:text-dns-16N-130 ${
                  current || within
                    ? 'border-blue-900 font-bold text-blue-1000'
                    : 'border-transparent text-solid-gray-800 hover:border-solid-gray-420 hover:text-blue-1000 hover:underline'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
