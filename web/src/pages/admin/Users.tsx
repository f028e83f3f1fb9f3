// /admin/users: the organisations the administrator manages (or may give a first administrator), their
// users with roles, two-factor and state; changing roles, disabling and enabling (after a confirmation);
// and invitations, whose one-time code is shown once with how to hand it over.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { characters, looksLikeEmail } from '../../auth/checks';
import { formatJst } from '../../auth/format';
import { describeProblem, type ShownProblem } from '../../auth/problems';
import { send } from '../../auth/request';
import { identityPaths } from '../../auth/routes';
import { updateUser, type ActiveSession } from '../../auth/session';
import {
  isInvitation,
  isOrganisationKind,
  isOrganisationList,
  isUser,
  isUserList,
  roleNeedsMfa,
  rolesFor,
  type Invitation,
  type Organisation,
  type User,
} from '../../auth/types';
import { langOf, useI18n, WithName } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { navigate, useSearch } from '../../router';
import { roleLabel } from '../account/Account';
import {
  buttonClass,
  cardCellClass,
  cardHeadClass,
  cardRowClass,
  cardTableClass,
  CellLabel,
  Checkbox,
  ConfirmBox,
  dangerButtonClass,
  EmailField,
  FormProblems,
  h2Class,
  h3Class,
  InfoNotice,
  LoadingLine,
  primaryButtonClass,
  ProblemBox,
  RequiredMark,
  ResultBox,
  SecretBox,
  SelectField,
  SubmitButton,
  SuccessNotice,
  TextField,
  useFormState,
  WarningNotice,
} from '../account/ui';
import { AdminLayout } from './AdminLayout';
import { PendingInvitations, ResetAccount } from './Recovery';

function kindLabel(t: Messages, kind: string): string {
  return isOrganisationKind(kind) ? t.identity.kinds[kind] : kind;
}

function RoleEditor({
  user,
  organisation,
  self,
  onSaved,
  onCancel,
}: {
  user: User;
  organisation: Organisation;
  self: boolean;
  onSaved: (user: User) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const a = t.identity.admin;
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const save = (event: Event) => {
    event.preventDefault();
    if (roles.length === 0) {
      setProblem({ message: t.identity.fieldErrors.roles, detail: null, fields: {} });
      return;
    }
    setBusy(true);
    setProblem(null);
    send('PATCH', `/api/v1/users/${user.id}`, isUser, { body: { roles } }).then(onSaved, (error: unknown) => {
      setBusy(false);
      setProblem(describeProblem(t, language, error));
    });
  };
  return (
    <form noValidate onSubmit={save} class="rounded-8 border-2 border-blue-900 bg-blue-50 p-4" data-testid="role-editor">
      <fieldset>
        <legend class={h3Class}>{a.editRolesFor(user.display_name)}</legend>
        <div class="mt-2 grid gap-x-6 md:grid-cols-2">
          {rolesFor(organisation.kind).map((role) => {
            const locked = self && role === 'administrator';
            return (
              <Checkbox
                key={role}
                id={`role-${user.id}-${role}`}
                checked={roles.includes(role)}
                disabled={locked}
                onChange={(checked) => setRoles(checked ? [...roles, role] : roles.filter((r) => r !== role))}
                label={t.identity.roles[role]}
                help={locked ? a.ownAdministrator : t.identity.roleHelp[role]}
                value={role}
              />
            );
          })}
        </div>
      </fieldset>
      {problem !== null && <ProblemBox problem={problem} />}
      <div class="mt-4 flex flex-wrap gap-3">
        <button type="submit" class={primaryButtonClass} disabled={busy}>
          {busy ? a.saving : a.saveRoles}
        </button>
        <button type="button" class={buttonClass} onClick={onCancel}>
          {t.identity.cancel}
        </button>
      </div>
    </form>
  );
}

function StateChange({ user, onDone, onCancel }: { user: User; onDone: (user: User) => void; onCancel: () => void }) {
  const { t, language } = useI18n();
  const a = t.identity.admin;
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const disabling = !user.disabled;
  const confirm = () => {
    setBusy(true);
    setProblem(null);
    send('PATCH', `/api/v1/users/${user.id}`, isUser, { body: { disabled: disabling } }).then(onDone, (error: unknown) => {
      setBusy(false);
      setProblem(describeProblem(t, language, error));
    });
  };
  return (
    <ConfirmBox
      class={`rounded-8 border-2 p-4 ${disabling ? 'border-red-900 bg-red-50' : 'border-blue-900 bg-blue-50'}`}
      label={disabling ? a.disable : a.enable}
      testId="state-confirm"
      message={disabling ? a.disableConfirm(user.display_name) : a.enableConfirm(user.display_name)}
      confirmClass={disabling ? dangerButtonClass : primaryButtonClass}
      onConfirm={confirm}
      onCancel={onCancel}
      busy={busy}
    >
      {problem !== null && <ProblemBox problem={problem} />}
    </ConfirmBox>
  );
}

type What = 'roles' | 'state' | 'reset';
type Editing = { user: number; what: What } | null;

function UserTable({ organisation, session, onCodeIssued }: { organisation: Organisation; session: ActiveSession; onCodeIssued: () => void }) {
  const { t, language } = useI18n();
  const a = t.identity.admin;
  const path = `/api/v1/organisations/${organisation.id}/users`;
  const [users, reload] = useResource(path, (signal) => send('GET', path, isUserList, { signal }));
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Users reset here: their two-factor column says so until the list is loaded again (a reload would close
  // the box that shows the one-time code).
  const [reset, setReset] = useState<number[]>([]);

  const changed = (message: string) => (user: User) => {
    setEditing(null);
    setNotice(message);
    if (user.id === session.user.id) updateUser(user);
    reload();
  };
  // Opens an editor under the user's row, or closes it when it is already open.
  const toggle = (user: User, open: What | null, what: What) => () => {
    setNotice(null);
    setEditing(open === what ? null : { user: user.id, what });
  };

  return (
    <section aria-labelledby="users" class="mt-8">
      <h2 id="users" class={h2Class}>
        <WithName text={a.usersHeading(organisation.name)} name={organisation.name} />
      </h2>
      {notice !== null && <SuccessNotice testId="user-notice">{notice}</SuccessNotice>}
      {users.state === 'loading' && <LoadingLine />}
      {users.state === 'error' && <ProblemBox problem={describeProblem(t, language, users.error)} />}
      {users.state === 'ready' &&
        (users.data.users.length === 0 ? (
          <p class="mt-4 text-std-16N-170">{a.usersEmpty}</p>
        ) : (
          <div class="mt-4">
            <table class={cardTableClass} data-testid="users-table">
              <thead class={cardHeadClass}>
                <tr class="border-b-2 border-solid-gray-600 text-dns-14B-120 text-solid-gray-800">
                  <th scope="col" class="px-2 py-3">{a.name}</th>
                  <th scope="col" class="px-2 py-3">{a.roles}</th>
                  <th scope="col" class="px-2 py-3">{a.mfa}</th>
                  <th scope="col" class="px-2 py-3">{a.state}</th>
                  <th scope="col" class="px-2 py-3">{a.actions}</th>
                </tr>
              </thead>
              <tbody class="block border-t-2 border-solid-gray-600 md:table-row-group md:border-t-0">
                {users.data.users.map((user) => {
                  const self = user.id === session.user.id;
                  const open = editing?.user === user.id ? editing.what : null;
                  return [
                    <tr
                      key={user.id}
                      class={`${cardRowClass} align-top ${user.disabled ? 'bg-solid-gray-50 text-solid-gray-700' : ''}`}
                      data-testid="user-row"
                      data-login={user.login}
                      data-disabled={user.disabled ? 'true' : 'false'}
                    >
                      <th scope="row" class="block px-2 py-1 text-left font-normal md:table-cell md:py-3">
                        <span class="block text-std-16B-170 text-solid-gray-900">
                          <span lang={langOf(user.display_name)}>{user.display_name}</span>
                          {self && <span class="ml-1 text-dns-14N-130 text-solid-gray-700">{a.you}</span>}
                        </span>
                        <span class="block break-all text-dns-14N-130 text-solid-gray-700">{user.login}</span>
                      </th>
                      <td class={cardCellClass} data-testid="user-roles">
                        <CellLabel>{a.roles}</CellLabel>
                        {user.roles.map((role) => roleLabel(t, role)).join(t.identity.listSeparator)}
                      </td>
                      <td class={`${cardCellClass} whitespace-nowrap`} data-testid="user-mfa">
                        <CellLabel>{a.mfa}</CellLabel>
                        {reset.includes(user.id) ? (
                          <span class="min-w-0 whitespace-normal text-std-16B-170 text-solid-gray-900">{t.recovery.awaitingReset}</span>
                        ) : user.mfa_enabled ? (
                          <span class="text-success-2">
                            <span aria-hidden="true">✓ </span>
                            {a.mfaOn}
                          </span>
                        ) : user.mfa_required ? (
                          <span class="text-std-16B-170 text-error-1">{a.mfaMissing}</span>
                        ) : (
                          a.mfaOff
                        )}
                      </td>
                      <td class={`${cardCellClass} whitespace-nowrap`} data-testid="user-state">
                        <CellLabel>{a.state}</CellLabel>
                        {user.disabled ? (
                          <span class="rounded-4 border border-solid-gray-600 bg-white px-2 py-0.5 text-dns-14B-120 text-solid-gray-800">
                            {a.disabled}
                          </span>
                        ) : (
                          a.active
                        )}
                      </td>
                      <td class="block px-2 py-2 md:table-cell md:py-3">
                        <div class="flex flex-wrap gap-2">
                          <button
                            type="button"
                            class={buttonClass}
                            aria-expanded={open === 'roles'}
                            onClick={toggle(user, open, 'roles')}
                            data-testid="edit-roles"
                          >
                            {a.editRoles}
                          </button>
                          {!self && (
                            <button
                              type="button"
                              class={buttonClass}
                              aria-expanded={open === 'state'}
                              onClick={toggle(user, open, 'state')}
                              data-testid="change-state"
                            >
                              {user.disabled ? a.enable : a.disable}
                            </button>
                          )}
                          {!self && !user.disabled && (
                            <button
                              type="button"
                              class={buttonClass}
                              aria-expanded={open === 'reset'}
                              onClick={toggle(user, open, 'reset')}
                              data-testid="reset-account"
                            >
                              {t.recovery.reset}
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>,
                    open !== null && (
                      <tr key={`${user.id}-edit`} class="block border-b border-solid-gray-200 md:table-row">
                        <td colSpan={5} class="block px-2 py-3 md:table-cell">
                          {open === 'roles' ? (
                            <RoleEditor
                              user={user}
                              organisation={organisation}
                              self={self}
                              onSaved={changed(a.rolesSaved(user.display_name))}
                              onCancel={() => setEditing(null)}
                            />
                          ) : open === 'reset' ? (
                            <ResetAccount
                              user={user}
                              onDone={() => {
                                setReset([...reset, user.id]);
                                onCodeIssued();
                              }}
                              onCancel={() => setEditing(null)}
                            />
                          ) : (
                            <StateChange
                              user={user}
                              onDone={changed(user.disabled ? a.enabledDone(user.display_name) : a.disabledDone(user.display_name))}
                              onCancel={() => setEditing(null)}
                            />
                          )}
                        </td>
                      </tr>
                    ),
                  ];
                })}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

function InvitationResult({ invitation, name, login, roles, onAnother }: {
  invitation: Invitation;
  name: string;
  login: string;
  roles: string[];
  onAnother: () => void;
}) {
  const { t, language } = useI18n();
  const a = t.identity.admin;
  const address = `${window.location.origin}${identityPaths.invitation}`;
  return (
    <ResultBox heading={a.invitedHeading} testId="invitation-result" class="mt-6">
      <SecretBox value={invitation.code} testId="invitation-code" label={a.invitedFor(name, login)} large />
      <p class="mt-3 text-std-16B-170 text-solid-gray-900" data-testid="invitation-expires">
        {a.invitedExpires(formatJst(invitation.expires_at, language))}
      </p>
      <WarningNotice>
        <p>{a.invitedHandOver}</p>
        <p class="mt-2">{a.invitedHowTo(address)}</p>
        {roles.some(roleNeedsMfa) && <p class="mt-2">{a.invitedMfa}</p>}
      </WarningNotice>
      <p class="mt-4">
        <button type="button" class={buttonClass} onClick={onAnother}>
          {a.inviteAnother}
        </button>
      </p>
    </ResultBox>
  );
}

function InviteForm({ organisation, onCodeIssued }: { organisation: Organisation; onCodeIssued: () => void }) {
  const { t, language } = useI18n();
  const a = t.identity.admin;
  const onboarding = !organisation.can_manage_users && organisation.can_onboard;
  const allowed = onboarding ? (['administrator'] as const) : rolesFor(organisation.kind);
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [roles, setRoles] = useState<string[]>(onboarding ? ['administrator'] : []);
  const { errors, setErrors, problem, setProblem, busy, setBusy, refused } = useFormState();
  const [result, setResult] = useState<{ invitation: Invitation; name: string; login: string; roles: string[] } | null>(null);
  const labels: Record<string, string> = { display_name: a.inviteName, login: a.inviteLogin, roles: a.inviteRoles };

  const submit = (event: Event) => {
    event.preventDefault();
    const f = t.identity.fieldErrors;
    const found: Record<string, string> = {};
    if (name.trim() === '') found['display_name'] = f.required(a.inviteName);
    else if (characters(name.trim()) > 100) found['display_name'] = f.displayName;
    if (login.trim() === '') found['login'] = f.required(a.inviteLogin);
    else if (!looksLikeEmail(login)) found['login'] = f.email;
    if (roles.length === 0) found['roles'] = f.roles;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const body = { display_name: name.trim(), login: login.trim(), roles };
    send('POST', `/api/v1/organisations/${organisation.id}/invitations`, isInvitation, { body }).then(
      (invitation) => {
        setBusy(false);
        setResult({ invitation, name: body.display_name, login: body.login, roles });
        onCodeIssued();
        setName('');
        setLogin('');
        setRoles(onboarding ? ['administrator'] : []);
      },
      (error: unknown) => refused(describeProblem(t, language, error)),
    );
  };

  return (
    <section aria-labelledby="invite" class="mt-12 max-w-3xl">
      <h2 id="invite" class={h2Class}>
        {a.inviteHeading}
      </h2>
      <p class="mt-3 text-std-16N-175">{a.inviteLead}</p>
      {result !== null ? (
        <InvitationResult {...result} onAnother={() => setResult(null)} />
      ) : (
        <form noValidate onSubmit={submit} class="max-w-xl" data-testid="invite-form">
          <FormProblems errors={errors} problem={problem} labels={labels} />
          <TextField
            id="display_name"
            label={a.inviteName}
            help={a.inviteNameHelp}
            autocomplete="off"
            value={name}
            onInput={setName}
            error={errors['display_name']}
            required
          />
          <EmailField
            id="login"
            label={a.inviteLogin}
            autocomplete="off"
            value={login}
            onInput={setLogin}
            error={errors['login']}
            required
          />
          <fieldset class="mt-6" id="roles" aria-describedby="roles-help">
            <legend class="text-std-16B-170 text-solid-gray-900">
              {a.inviteRoles}
              <RequiredMark />
            </legend>
            <p id="roles-help" class="mt-1 text-std-16N-170 text-solid-gray-700">
              {onboarding ? a.onboardRolesHelp : a.inviteRolesHelp}
            </p>
            <div class="mt-2">
              {allowed.map((role) => (
                <Checkbox
                  key={role}
                  id={`invite-role-${role}`}
                  checked={roles.includes(role)}
                  disabled={onboarding}
                  onChange={(checked) => setRoles(checked ? [...roles, role] : roles.filter((r) => r !== role))}
                  label={t.identity.roles[role]}
                  help={t.identity.roleHelp[role]}
                  value={role}
                />
              ))}
            </div>
            {errors['roles'] !== undefined && <p class="mt-2 text-std-16N-170 text-error-1">＊{errors['roles']}</p>}
          </fieldset>
          <SubmitButton busy={busy} label={a.inviteSubmit} busyLabel={a.inviting} />
        </form>
      )}
    </section>
  );
}

function UsersPage({ session }: { session: ActiveSession }) {
  const { t, language } = useI18n();
  const a = t.identity.admin;
  const search = new URLSearchParams(useSearch());
  const [codesIssued, setCodesIssued] = useState(0);
  const onCodeIssued = () => setCodesIssued((n) => n + 1);
  const [organisations, reload] = useResource('/api/v1/organisations', (signal) =>
    send('GET', '/api/v1/organisations', isOrganisationList, { signal }),
  );
  if (organisations.state === 'loading') return <LoadingLine />;
  if (organisations.state === 'error') {
    return (
      <>
        <ProblemBox problem={describeProblem(t, language, organisations.error)} />
        <p class="mt-4">
          <button type="button" class={buttonClass} onClick={reload}>
            {t.identity.retry}
          </button>
        </p>
      </>
    );
  }
  const own = session.user.organisation_id;
  const manageable = organisations.data.organisations
    .filter((o) => o.can_manage_users || o.can_onboard)
    .sort((x, y) => (x.id === own ? -1 : y.id === own ? 1 : x.name.localeCompare(y.name, 'ja')));
  if (manageable.length === 0) return <InfoNotice>{a.noOrganisations}</InfoNotice>;
  const wanted = Number(search.get('org'));
  const selected = manageable.find((o) => o.id === wanted) ?? manageable[0];
  if (selected === undefined) return null;
  return (
    <>
      {manageable.length > 1 && (
        <SelectField
          id="organisation"
          label={a.organisation}
          value={String(selected.id)}
          onChange={(value) => navigate(`${identityPaths.adminUsers}?${new URLSearchParams({ org: value }).toString()}`)}
          options={manageable.map((o) => ({ value: String(o.id), label: `${o.name}${t.catalog.parenthesized(kindLabel(t, o.kind))}` }))}
          class="mt-6 max-w-xl"
        />
      )}
      {selected.can_manage_users ? (
        <UserTable key={`users-${selected.id}`} organisation={selected} session={session} onCodeIssued={onCodeIssued} />
      ) : (
        <InfoNotice testId="onboard-note">{a.onboardNote}</InfoNotice>
      )}
      <InviteForm key={`invite-${selected.id}`} organisation={selected} onCodeIssued={onCodeIssued} />
      <PendingInvitations key={`pending-${selected.id}`} organisation={selected} version={codesIssued} />
    </>
  );
}

export function Users() {
  return <AdminLayout page="adminUsers">{(session) => <UsersPage session={session} />}</AdminLayout>;
}
