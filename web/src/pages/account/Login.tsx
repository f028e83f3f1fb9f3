// /login: login name and password, then the two-factor code (or a recovery code). A user who still has
// to set up two-factor authentication goes on to /account/mfa; everyone else goes back to where they
// came from (?next=).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { normaliseCode, normaliseTotp } from '../../auth/format';
import { describeProblem, type ShownProblem } from '../../auth/problems';
import { send } from '../../auth/request';
import { landingPath } from '../../auth/landing';
import { identityPaths } from '../../auth/routes';
import { applySession, forgetSession, logout, safeNext, useSession } from '../../auth/session';
import { isSessionAnswer, isSetupState } from '../../auth/types';
import { useI18n } from '../../i18n';
import { DemoPersonas } from './DemoPersonas';
import { Link, navigate, useSearch } from '../../router';
import {
  bigPrimaryButtonClass,
  EmailField,
  FormErrors,
  GroupedCodeField,
  h1Class,
  InfoNotice,
  leadClass,
  linkClass,
  LoadingLine,
  PasswordField,
  ProblemBox,
  SubmitButton,
  SuccessNotice,
  textButtonClass,
  TotpField,
  useFormState,
} from './ui';

function PasswordStep({ carried }: { carried: ShownProblem | null }) {
  const { t, language } = useI18n();
  const session = useSession();
  const search = new URLSearchParams(useSearch());
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { errors, setErrors, problem, setProblem, busy, setBusy } = useFormState(carried);
  const l = t.identity.login;
  const labels = { login: l.loginName, password: l.password };

  // The very first visit, before anyone exists, belongs on the setup page.
  useEffect(() => {
    const controller = new AbortController();
    send('GET', '/api/v1/setup', isSetupState, { signal: controller.signal, loginStep: true }).then(
      (state) => {
        if (state.needed) navigate(identityPaths.setup, { replace: true });
      },
      () => {
        // Not knowing is fine: the login form still works.
      },
    );
    return () => controller.abort();
  }, []);

  const submit = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (login.trim() === '') found['login'] = t.identity.fieldErrors.required(l.loginName);
    if (password === '') found['password'] = t.identity.fieldErrors.required(l.password);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    send('POST', '/api/v1/session', isSessionAnswer, { body: { login: login.trim(), password }, loginStep: true }).then(
      (answer) => {
        setBusy(false);
        applySession(answer);
      },
      (error: unknown) => {
        setBusy(false);
        setPassword('');
        setProblem(describeProblem(t, language, error, 'login'));
      },
    );
  };

  const ended = session.status === 'anonymous' && session.ended;
  return (
    <>
      <h1 class={h1Class}>{l.title}</h1>
      {search.get('signed_out') === '1' && problem === null && <SuccessNotice testId="signed-out">{l.signedOut}</SuccessNotice>}
      {ended && problem === null && <InfoNotice testId="session-ended">{l.sessionEnded}</InfoNotice>}
      <p class={leadClass}>{l.lead}</p>
      <form noValidate onSubmit={submit} class="mt-2 max-w-xl" data-testid="login-form">
        <FormErrors errors={errors} labels={labels} />
        {problem !== null && <ProblemBox problem={problem} />}
        <EmailField
          id="login"
          label={l.loginName}
          autocomplete="username"
          value={login}
          onInput={setLogin}
          error={errors['login']}
          required
        />
        <PasswordField
          id="password"
          label={l.password}
          autocomplete="current-password"
          value={password}
          onInput={setPassword}
          error={errors['password']}
          required
        />
        <SubmitButton busy={busy} label={l.submit} busyLabel={l.submitting} />
      </form>
      <DemoPersonas onChoose={(persona) => (setLogin(persona.login), setPassword(persona.password))} />
      <div class="mt-10 max-w-xl space-y-3 border-t border-solid-gray-200 pt-6 text-std-16N-170">
        <p>
          {l.invitationNote}{' '}
          <Link href={identityPaths.invitation} class={linkClass}>
            {l.invitationLink}
          </Link>
        </p>
        <p class="text-solid-gray-700">{t.recovery.forgotten}</p>
      </div>
    </>
  );
}

function CodeStep({ name, login, onEnded }: { name: string; login: string; onEnded: (problem: ShownProblem) => void }) {
  const { t, language } = useI18n();
  const [mode, setMode] = useState<'totp' | 'recovery'>('totp');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const l = t.identity.login;
  // The password step's form is gone: focus and announce the code step, or focus is left on <body>.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const switchMode = () => {
    setMode(mode === 'totp' ? 'recovery' : 'totp');
    setCode('');
    setError(undefined);
    setProblem(null);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const value = mode === 'totp' ? normaliseTotp(code) : normaliseCode(code);
    const valid = mode === 'totp' ? /^\d{6}$/.test(value) : /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(value);
    if (!valid) {
      setError(mode === 'totp' ? t.identity.fieldErrors.totpFormat : t.identity.fieldErrors.recoveryFormat);
      return;
    }
    setError(undefined);
    setBusy(true);
    send('POST', '/api/v1/session/mfa', isSessionAnswer, { body: { code: value }, loginStep: true }).then(
      (answer) => {
        setBusy(false);
        applySession(answer);
      },
      (failure: unknown) => {
        setBusy(false);
        setCode('');
        const shown = describeProblem(t, language, failure, 'code');
        // A lockout or an expired first step ends the pending session: back to the password.
        const status = failure instanceof ApiError ? failure.status : 0;
        const wrongCode = (shown.detail ?? '').includes('code');
        if (status === 429 || (status === 401 && !wrongCode)) {
          forgetSession();
          onEnded(shown);
          return;
        }
        setProblem(shown);
      },
    );
  };

  return (
    <>
      <h1 class={h1Class} ref={heading} tabIndex={-1} data-testid="code-heading">
        {l.codeTitle}
      </h1>
      <p class="sr-only" role="status">
        {t.recovery.codeStepAnnouncement}
      </p>
      <p class={leadClass}>{l.codeFor(name, login)}</p>
      <form noValidate onSubmit={submit} class="mt-2 max-w-xl" data-testid="code-form">
        {problem !== null && <ProblemBox problem={problem} />}
        {mode === 'totp' ? (
          <TotpField key="totp" id="code" label={l.codeLabel} help={l.codeLead} value={code} onInput={setCode} error={error} required />
        ) : (
          <GroupedCodeField
            key="recovery"
            id="recovery-code"
            label={l.recoveryLabel}
            help={l.recoveryHelp}
            value={code}
            onInput={setCode}
            error={error}
            required
          />
        )}
        <p class="mt-3">
          <button type="button" class={textButtonClass} onClick={switchMode} data-testid="switch-code-mode">
            {mode === 'totp' ? l.useRecovery : l.useTotp}
          </button>
        </p>
        <div class="mt-6 flex flex-wrap items-center gap-4">
          <button type="submit" class={bigPrimaryButtonClass} disabled={busy}>
            {busy ? l.submitting : l.codeSubmit}
          </button>
          <button type="button" class={textButtonClass} onClick={() => void logout()}>
            {l.restart}
          </button>
        </div>
      </form>
      <p class="mt-10 max-w-xl border-t border-solid-gray-200 pt-6 text-std-16N-170 text-solid-gray-700">{t.recovery.forgotten}</p>
    </>
  );
}

export function Login() {
  const session = useSession();
  const search = new URLSearchParams(useSearch());
  const next = safeNext(search.get('next'));
  // A problem that ended the code step (lockout, expiry), shown on the password step that follows.
  const [carried, setCarried] = useState<{ problem: ShownProblem; count: number } | null>(null);

  const redirect =
    session.status !== 'active'
      ? null
      : session.mfa === 'none'
        ? (next ?? landingPath(session.user))
        : session.mfa === 'enrol'
          ? `${identityPaths.accountMfa}${next === null ? '' : `?${new URLSearchParams({ next }).toString()}`}`
          : null;

  useEffect(() => {
    if (redirect !== null) navigate(redirect, { replace: true });
  }, [redirect]);

  if (session.status === 'loading' || redirect !== null) return <LoadingLine />;
  if (session.status === 'active') {
    const onEnded = (problem: ShownProblem) => setCarried({ problem, count: (carried?.count ?? 0) + 1 });
    return <CodeStep name={session.user.display_name} login={session.user.login} onEnded={onEnded} />;
  }
  return <PasswordStep key={carried?.count ?? 0} carried={carried?.problem ?? null} />;
}
