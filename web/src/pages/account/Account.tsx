// /account: the logged-in user's profile and two-factor state, password change, and API tokens
// (created with a name, scope and lifetime, shown once; listed; revoked after a confirmation).
import { useEffect, useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { characters, passwordProblem } from '../../auth/checks';
import { formatJst } from '../../auth/format';
import { describeProblem, type ShownProblem } from '../../auth/problems';
import { send } from '../../auth/request';
import { RequireSession } from '../../auth/RequireSession';
import { identityPaths } from '../../auth/routes';
import { updateUser, type ActiveSession } from '../../auth/session';
import { isCreatedToken, isRole, isTokenList, isUser, type ApiToken, type CreatedToken } from '../../auth/types';
import { langOf, useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { Link, useSearch } from '../../router';
import {
  buttonClass,
  ConfirmBox,
  dangerButtonClass,
  FormProblems,
  h1Class,
  h2Class,
  InfoNotice,
  h3Class,
  LoadingLine,
  NewPasswordFields,
  PasswordField,
  ProblemBox,
  ResultBox,
  SecretBox,
  sectionClass,
  SubmitButton,
  SuccessNotice,
  TextField,
  useFormState,
  WarningNotice,
} from './ui';

export function roleLabel(t: Messages, role: string): string {
  return isRole(role) ? t.identity.roles[role] : role;
}

function Profile({ session }: { session: ActiveSession }) {
  const { t } = useI18n();
  const a = t.identity.account;
  const user = session.user;
  return (
    <section aria-labelledby="profile" class={sectionClass}>
      <h2 id="profile" class={h2Class}>
        {a.profileHeading}
      </h2>
      <dl class="mt-4 grid gap-x-6 gap-y-3 rounded-8 border border-solid-gray-420 p-4 text-std-16N-170 sm:grid-cols-[auto_minmax(0,1fr)] md:p-6" data-testid="profile">
        <dt class="text-std-16B-170 text-solid-gray-900">{a.name}</dt>
        <dd data-testid="profile-name" lang={langOf(user.display_name)}>{user.display_name}</dd>
        <dt class="text-std-16B-170 text-solid-gray-900">{a.loginName}</dt>
        <dd class="break-all">{user.login}</dd>
        <dt class="text-std-16B-170 text-solid-gray-900">{a.organisation}</dt>
        <dd lang={langOf(user.organisation_name)}>{user.organisation_name}</dd>
        <dt class="text-std-16B-170 text-solid-gray-900">{a.roles}</dt>
        <dd data-testid="profile-roles">{user.roles.map((role) => roleLabel(t, role)).join(t.identity.listSeparator)}</dd>
        <dt class="text-std-16B-170 text-solid-gray-900">{a.mfa}</dt>
        <dd data-testid="profile-mfa">
          {user.mfa_enabled ? (
            <span class="text-std-16B-170 text-success-2">
              <span aria-hidden="true">✓ </span>
              {a.mfaOn}
            </span>
          ) : (
            <>
              <span class="text-std-16B-170">{a.mfaOff}</span>
              <span class="ml-2">{user.mfa_required ? a.mfaRequired : a.mfaOptional}</span>
              <span class="mt-2 block">
                <Link href={identityPaths.accountMfa} class={buttonClass}>
                  {a.mfaSetUp}
                </Link>
              </span>
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}

function PasswordChange({ session }: { session: ActiveSession }) {
  const { t, language } = useI18n();
  const a = t.identity.account;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, setErrors, problem, setProblem, busy, setBusy, refused } = useFormState();
  const [done, setDone] = useState(false);
  const mfa = session.user.mfa_enabled;
  const labels: Record<string, string> = {
    current_password: a.currentPassword,
    new_password: a.newPassword,
    new_password_confirm: a.newPasswordConfirm,
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (current === '') found['current_password'] = t.identity.fieldErrors.required(a.currentPassword);
    const weak = passwordProblem(t, next, session.user.login, mfa);
    if (weak !== null) found['new_password'] = weak;
    else if (confirm !== next) found['new_password_confirm'] = t.identity.fieldErrors.passwordMismatch;
    setErrors(found);
    setProblem(null);
    setDone(false);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    send('POST', '/api/v1/me/password', null, { body: { current_password: current, new_password: next } }).then(
      () => {
        setBusy(false);
        setCurrent('');
        setNext('');
        setConfirm('');
        setDone(true);
      },
      (error: unknown) => {
        const shown = describeProblem(t, language, error);
        if (shown.fields['password'] !== undefined) {
          shown.fields['new_password'] = shown.fields['password'];
          delete shown.fields['password'];
        }
        refused(shown);
      },
    );
  };

  return (
    <section aria-labelledby="password-change" class={sectionClass}>
      <h2 id="password-change" class={h2Class}>
        {a.passwordHeading}
      </h2>
      <form noValidate onSubmit={submit} class="max-w-xl" data-testid="password-form">
        {done && <SuccessNotice testId="password-changed">{a.passwordChanged}</SuccessNotice>}
        <FormProblems errors={errors} problem={problem} labels={labels} />
        <PasswordField
          id="current_password"
          label={a.currentPassword}
          autocomplete="current-password"
          value={current}
          onInput={setCurrent}
          error={errors['current_password']}
          required
        />
        <NewPasswordFields
          ids={['new_password', 'new_password_confirm']}
          labels={[a.newPassword, a.newPasswordConfirm]}
          values={[next, confirm]}
          onInput={[setNext, setConfirm]}
          errors={errors}
          mfa={mfa}
        />
        <SubmitButton busy={busy} label={a.changePassword} busyLabel={a.changing} class="mt-6" />
      </form>
    </section>
  );
}

function scopeLabel(t: Messages, scopes: string[]): string {
  return scopes.includes('write') ? t.identity.account.scopeWrite : t.identity.account.scopeRead;
}

function TokenRow({ token, onRevoked }: { token: ApiToken; onRevoked: (name: string) => void }) {
  const { t, language } = useI18n();
  const a = t.identity.account;
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const revoke = () => {
    setBusy(true);
    send('DELETE', `/api/v1/me/tokens/${token.id}`, null).then(
      () => onRevoked(token.name),
      (error: unknown) => {
        setBusy(false);
        setProblem(describeProblem(t, language, error));
      },
    );
  };
  return (
    <li class="rounded-8 border border-solid-gray-420 p-4" data-testid="token" data-token-id={token.id}>
      <div class="flex flex-wrap items-start justify-between gap-3">
        <div class="min-w-0">
          <p class="break-all text-std-16B-170 text-solid-gray-900" data-testid="token-name" lang={langOf(token.name)}>
            {token.name}
          </p>
          <dl class="mt-1 grid gap-x-4 text-dns-14N-130 text-solid-gray-700 sm:grid-cols-[auto_minmax(0,1fr)]">
            <dt>{a.tokenScope}</dt>
            <dd class="text-solid-gray-900">{scopeLabel(t, token.scopes)}</dd>
            <dt>{a.tokenCreated}</dt>
            <dd>{formatJst(token.created_at, language)}</dd>
            <dt>{a.tokenExpires}</dt>
            <dd>{formatJst(token.expires_at, language)}</dd>
            <dt>{a.tokenLastUsed}</dt>
            <dd>{token.last_used_at === null ? a.tokenNeverUsed : formatJst(token.last_used_at, language)}</dd>
          </dl>
        </div>
        {!confirming && (
          <button type="button" class={buttonClass} onClick={() => setConfirming(true)}>
            {a.revoke}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmBox
          class="mt-3 rounded-8 border-2 border-red-900 bg-red-50 p-4"
          label={a.revoke}
          testId="revoke-confirm"
          message={a.revokeConfirm(token.name)}
          confirmClass={dangerButtonClass}
          onConfirm={revoke}
          onCancel={() => setConfirming(false)}
          busy={busy}
        />
      )}
      {problem !== null && <ProblemBox problem={problem} />}
    </li>
  );
}

function CreateToken({ onCreated }: { onCreated: () => void }) {
  const { t, language } = useI18n();
  const a = t.identity.account;
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [days, setDays] = useState('90');
  const { errors, setErrors, problem, setProblem, busy, setBusy, refused } = useFormState();
  const [created, setCreated] = useState<(CreatedToken & { name: string }) | null>(null);
  const labels: Record<string, string> = { name: a.tokenName, expires_in_days: a.expiry };

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const trimmed = name.trim();
    if (trimmed === '') found['name'] = t.identity.fieldErrors.required(a.tokenName);
    else if (characters(trimmed) > 100) found['name'] = t.identity.fieldErrors.tokenName;
    const lifetime = Number(days.normalize('NFKC').trim());
    if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > 365) found['expires_in_days'] = t.identity.fieldErrors.tokenDays;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const scopes = scope === 'write' ? ['read', 'write'] : ['read'];
    send('POST', '/api/v1/me/tokens', isCreatedToken, { body: { name: trimmed, scopes, expires_in_days: lifetime } }).then(
      (answer) => {
        setBusy(false);
        setCreated({ ...answer, name: trimmed });
        setName('');
        onCreated();
      },
      (error: unknown) => refused(describeProblem(t, language, error)),
    );
  };

  return (
    <div class="mt-8">
      {created !== null && (
        <ResultBox heading={a.createdHeading} testId="token-created">
          <WarningNotice>
            <p>{a.createdWarning}</p>
          </WarningNotice>
          <SecretBox value={created.token} testId="token-value" label={created.name} />
          <p class="mt-3 text-std-16N-170">{a.createdExpires(formatJst(created.expires_at, language))}</p>
          <p class="mt-4">
            <button type="button" class={buttonClass} onClick={() => setCreated(null)}>
              {t.identity.close}
            </button>
          </p>
        </ResultBox>
      )}
      <form noValidate onSubmit={submit} class="mt-8 max-w-xl" data-testid="token-form">
        <h3 class={h3Class}>{a.createHeading}</h3>
        <FormProblems errors={errors} problem={problem} labels={labels} />
        <TextField
          id="token-name"
          label={a.tokenName}
          help={a.tokenNameHelp}
          autocomplete="off"
          value={name}
          onInput={setName}
          error={errors['name']}
          required
        />
        <fieldset class="mt-6">
          <legend class="text-std-16B-170 text-solid-gray-900">{a.tokenScope}</legend>
          {(['read', 'write'] as const).map((value) => (
            <label key={value} class="mt-2 flex cursor-pointer gap-3">
              <input
                type="radio"
                name="token-scope"
                value={value}
                checked={scope === value}
                onChange={() => setScope(value)}
                class="mt-1 size-6 shrink-0 accent-blue-900"
              />
              <span>
                <span class="block text-std-16N-170 text-solid-gray-900">{value === 'read' ? a.scopeRead : a.scopeWrite}</span>
                <span class="block text-dns-14N-130 text-solid-gray-700">{value === 'read' ? a.scopeReadHelp : a.scopeWriteHelp}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <TextField
          id="token-days"
          label={a.expiry}
          help={a.expiryHelp}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          value={days}
          onInput={setDays}
          error={errors['expires_in_days']}
          required
          inputClass="max-w-40"
        />
        <SubmitButton busy={busy} label={a.create} busyLabel={a.creating} class="mt-6" />
      </form>
    </div>
  );
}

function Tokens() {
  const { t, language } = useI18n();
  const a = t.identity.account;
  const [tokens, reload] = useResource('/api/v1/me/tokens', (signal) => send('GET', '/api/v1/me/tokens', isTokenList, { signal }));
  const [revoked, setRevoked] = useState<string | null>(null);
  return (
    <section aria-labelledby="api-tokens" class={sectionClass}>
      <h2 id="api-tokens" class={h2Class}>
        {a.tokensHeading}
      </h2>
      <p class="mt-3 text-std-16N-175">{a.tokensLead}</p>
      {revoked !== null && <SuccessNotice testId="token-revoked">{a.revoked(revoked)}</SuccessNotice>}
      {tokens.state === 'loading' && <LoadingLine />}
      {tokens.state === 'error' && <ProblemBox problem={describeProblem(t, language, tokens.error)} />}
      {tokens.state === 'ready' &&
        (tokens.data.tokens.length === 0 ? (
          <p class="mt-4 text-std-16N-170 text-solid-gray-700" data-testid="tokens-empty">
            {a.tokensEmpty}
          </p>
        ) : (
          <ul class="mt-4 grid gap-3" data-testid="tokens">
            {tokens.data.tokens.map((token) => (
              <TokenRow
                key={token.id}
                token={token}
                onRevoked={(name) => {
                  setRevoked(name);
                  reload();
                }}
              />
            ))}
          </ul>
        ))}
      <CreateToken
        onCreated={() => {
          setRevoked(null);
          reload();
        }}
      />
    </section>
  );
}

function AccountPage({ session }: { session: ActiveSession }) {
  // The session's copy of the user may be old (roles changed by an administrator): fetch it afresh.
  useEffect(() => {
    const controller = new AbortController();
    send('GET', '/api/v1/me', isUser, { signal: controller.signal }).then(updateUser, () => {
      // A 401 signs the page out (request.ts); anything else leaves the known profile in place.
    });
    return () => controller.abort();
  }, []);
  const { t } = useI18n();
  const reset = new URLSearchParams(useSearch()).get('reset') === '1';
  return (
    <>
      {reset && <InfoNotice testId="account-reset-notice">{t.recovery.accountResetNotice}</InfoNotice>}
      <Profile session={session} />
      <PasswordChange session={session} />
      <Tokens />
    </>
  );
}

export function Account() {
  const { t } = useI18n();
  return (
    <>
      <h1 class={h1Class}>{t.identity.account.title}</h1>
      <RequireSession>{(session) => <AccountPage session={session} />}</RequireSession>
    </>
  );
}
