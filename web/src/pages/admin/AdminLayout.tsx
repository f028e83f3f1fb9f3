import type { ComponentChildren } from 'preact';
import { RequireSession } from '../../auth/RequireSession';
import { identityPaths } from '../../auth/routes';
import { isAdministrator, type ActiveSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { h1Class, InfoNotice } from '../account/ui';
import { mayEditCatalog } from '../editions/access';
import { editorPaths } from '../editions/routes';

type AdminPage = 'adminUsers' | 'adminAudit' | 'adminOrganisation';

/** Heading, the administration tabs, and the page itself for administrators only. */
export function AdminLayout({
  page,
  children,
}: {
  page: AdminPage;
  children: (session: ActiveSession) => ComponentChildren;
}) {
  const { t } = useI18n();
  const a = t.identity.admin;
  const tabs: { page: AdminPage; label: string }[] = [
    { page: 'adminUsers', label: a.usersTitle },
    { page: 'adminAudit', label: a.auditTitle },
    { page: 'adminOrganisation', label: t.organisationProfile.title },
  ];
  return (
    <RequireSession>
      {(session) => (
        <>
          <nav aria-label={a.menu} class="mb-6 border-b border-solid-gray-420 print:hidden">
            <ul class="flex flex-wrap gap-1">
              {tabs.map((tab) => {
                const current = tab.page === page;
                return (
                  <li key={tab.page}>
                    <Link
                      href={identityPaths[tab.page]}
                      {...(current ? { 'aria-current': 'page' as const } : {})}
                      class={`-mb-px flex min-h-11 items-center rounded-t-8 border px-4 text-dns-16N-130 ${
                        current
                          ? 'border-solid-gray-420 border-b-white bg-white font-bold text-blue-1000'
                          : 'border-transparent text-solid-gray-800 hover:text-blue-1000 hover:underline'
                      }`}
                    >
                      {tab.label}
                    </Link>
                  </li>
                );
              })}
              {mayEditCatalog(session.user) && (
                // Catalog editors (the ministry's administrators) land here; the editor itself lives under /catalog.
                <li>
                  <Link
                    href={editorPaths.drafts}
                    class="-mb-px flex min-h-11 items-center rounded-t-8 border border-transparent px-4 text-dns-16N-130 text-solid-gray-800 hover:text-blue-1000 hover:underline"
                    data-testid="admin-edition-editor"
                  >
                    {t.editionEditor.adminTab}
                  </Link>
                </li>
              )}
            </ul>
          </nav>
          <h1 class={h1Class}>{page === 'adminUsers' ? a.usersTitle : page === 'adminAudit' ? a.auditTitle : t.organisationProfile.title}</h1>
          {isAdministrator(session.user) ? (
            children(session)
          ) : (
            <InfoNotice testId="not-administrator">{a.notAdministrator}</InfoNotice>
          )}
        </>
      )}
    </RequireSession>
  );
}
