// The systems register's pages (システム台帳), behind a session: the list, a new system, one system with its
// history, and its edit form.
import { useResource } from '../../api/useResource';
import { RequireSession } from '../../auth/RequireSession';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { h1Class, InfoNotice } from '../account/ui';
import type { SystemsRoute } from './routes';
import { SystemDetail } from './SystemDetail';
import { SystemForm } from './SystemForm';
import { SystemsList } from './SystemsList';
import { emptySystem, fieldsOf, loadKinds, loadSystem } from './systemsApi';

export function systemsPageTitle(t: Messages, route: SystemsRoute): string {
  const s = t.systemsRegister;
  switch (route.page) {
    case 'list':
      return s.title;
    case 'new':
      return s.newTitle;
    case 'edit':
      return s.editTitle;
    case 'detail':
      return s.detailTitle;
  }
}

function NewSystem() {
  const { t } = useI18n();
  const s = t.systemsRegister;
  const [kinds] = useResource('system-kinds', loadKinds);
  return (
    <div data-testid="system-new">
      <h1 class={h1Class}>{s.newTitle}</h1>
      {kinds.state === 'error' && <InfoNotice>{s.loadFailed}</InfoNotice>}
      {kinds.state === 'ready' && <SystemForm kinds={kinds.data} initial={emptySystem()} />}
    </div>
  );
}

function EditSystem({ id }: { id: number }) {
  const { t } = useI18n();
  const s = t.systemsRegister;
  const [resource] = useResource(`system-edit/${id}`, (signal) => Promise.all([loadSystem(id, signal), loadKinds(signal)]));
  return (
    <div data-testid="system-edit">
      <h1 class={h1Class}>{s.editTitle}</h1>
      {resource.state === 'error' && <InfoNotice>{resource.error.status === 404 ? s.notFound : s.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && <SystemForm kinds={resource.data[1]} initial={fieldsOf(resource.data[0])} existing={resource.data[0]} />}
    </div>
  );
}

export function SystemsPage({ route }: { route: SystemsRoute }) {
  return (
    <RequireSession>
      {() => {
        switch (route.page) {
          case 'list':
            return <SystemsList />;
          case 'new':
            return <NewSystem />;
          case 'detail':
            return <SystemDetail key={route.id} id={route.id} />;
          case 'edit':
            return <EditSystem key={route.id} id={route.id} />;
        }
      }}
    </RequireSession>
  );
}
