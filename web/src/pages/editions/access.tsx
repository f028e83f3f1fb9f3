// Who may use the edition editor. The server decides (403 for anyone else); the page only avoids showing
// the way in to people who cannot use it. A session that says `may_edit_catalog` is believed; otherwise the
// ministry's administrators are editors (the single-institution case needs the server's word).
import type { User } from '../../auth/types';
import { organisationKind } from '../../auth/landing';
import { isAdministrator, useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { linkClass } from '../catalog/ui';
import { editorPaths } from './routes';

export function mayEditCatalog(user: User): boolean {
  const flag = (user as User & { may_edit_catalog?: unknown }).may_edit_catalog;
  if (typeof flag === 'boolean') return flag;
  return organisationKind(user) === 'ministry' && isAdministrator(user);
}

/**
 * Whether to ask the server at all: editors, and any administrator, since an institution's administrator is
 * an editor on a single-institution installation, which only the server knows. Its 403 then shows NotEditor.
 */
export function mayTryEditing(user: User): boolean {
  return mayEditCatalog(user) || isAdministrator(user);
}

/** Whether the signed-in user (if any) is an editor of the catalog. */
export function useMayEditCatalog(): boolean {
  const session = useSession();
  return session.status === 'active' && session.mfa === 'none' && mayEditCatalog(session.user);
}

/** The way in to the editor, for editors only (nothing for anyone else). */
export function EditorLink({ class: className }: { class?: string }) {
  const { t } = useI18n();
  if (!useMayEditCatalog()) return null;
  return (
    <Link href={editorPaths.drafts} class={`${className ?? ''} ${linkClass}`}>
      {t.editionEditor.editorLink}
    </Link>
  );
}

/** The plain refusal for anyone who is not an editor. */
export function NotEditor() {
  const { t } = useI18n();
  const e = t.editionEditor;
  return (
    <div class="mt-6 max-w-3xl rounded-8 border-2 border-solid-gray-536 bg-solid-gray-50 p-5" data-testid="not-editor" role="status">
      <p class="text-std-18B-160 text-solid-gray-900">{e.notEditorHeading}</p>
      <p class="mt-2 text-std-16N-170">{e.notEditorBody}</p>
      <p class="mt-4">
        <Link href="/catalog" class={`text-std-16N-170 ${linkClass}`}>
          {t.catalog.backToCatalog}
        </Link>
      </p>
    </div>
  );
}
