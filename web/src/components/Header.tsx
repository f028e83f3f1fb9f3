import { identityPaths } from '../auth/routes';
import { logout, useSession } from '../auth/session';
import { langOf, useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { LanguageSwitch } from './LanguageSwitch';

// Who is logged in (name and organisation, linking to the account page) and the logout button; a login
// link for everyone else.
function UserArea() {
  const { t } = useI18n();
  const session = useSession();
  if (session.status === 'loading') return null;
  if (session.status === 'anonymous') {
    return (
      <Link
        href={identityPaths.login}
        class="inline-flex min-h-11 items-center rounded-8 border border-blue-900 bg-white px-3 text-dns-16B-120 text-blue-900 hover:bg-blue-50 hover:underline"
      >
        {t.header.login}
      </Link>
    );
  }
  const signOut = () => {
    void logout().then(() => navigate(`${identityPaths.login}?signed_out=1`));
  };
  const user = session.user;
  return (
    <div role="group" aria-label={t.header.userArea} class="flex min-w-0 items-center gap-3" data-testid="user-area">
      <Link
        href={identityPaths.account}
        class="flex min-w-0 flex-col rounded-4 text-right text-solid-gray-900 no-underline hover:underline"
      >
        <span class="truncate text-dns-16B-120" data-testid="user-name" lang={langOf(user.display_name)}>
          {user.display_name}
        </span>
        <span class="truncate text-dns-14N-130 text-solid-gray-700" data-testid="user-organisation" lang={langOf(user.organisation_name)}>
          {user.organisation_name}
        </span>
      </Link>
      <button
        type="button"
        onClick={signOut}
        class="inline-flex min-h-11 shrink-0 items-center rounded-8 border border-blue-900 bg-white px-3 text-dns-16B-120 text-blue-900 hover:bg-blue-50 hover:underline"
      >
        {t.header.logout}
      </button>
    </div>
  );
}

export function Header() {
  const { t } = useI18n();
  return (
    <header class="border-b border-solid-gray-200 bg-white">
      <div class="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-3 px-4 py-3 md:px-6 md:py-4">
        <Link href="/" class="group flex min-w-0 items-center gap-3 rounded-4 text-solid-gray-900 no-underline">
          <span aria-hidden="true" lang="ja" class="grid size-10 shrink-0 place-items-center rounded-8 bg-blue-900 text-std-20B-150 text-white md:size-12 md:text-std-24B-150">
            守
          </span>
          <span class="flex min-w-0 flex-col">
            <span class="flex items-baseline gap-2">
              <span lang="ja" class="text-std-22B-150 md:text-std-26B-150">{t.product.name}</span>
              <span lang="en" class="text-dns-16B-120 text-solid-gray-600">{t.product.latin}</span>
            </span>
            <span class="text-dns-14N-130 text-solid-gray-600 [word-break:auto-phrase] group-hover:underline">{t.product.subtitle}</span>
          </span>
        </Link>
        <div class="flex min-w-0 flex-wrap items-center justify-end gap-3 print:hidden">
          <UserArea />
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
