// /invitation: the invited person enters the one-time code and chooses a password; then two-factor
// enrolment when the role requires it, else the account page.
import { useState } from 'preact/hooks';
import { passwordProblem } from '../../auth/checks';
import { normaliseCode } from '../../auth/format';
import { describeProblem, type ShownProblem } from '../../auth/problems';
import { send } from '../../auth/request';
import { identityPaths } from '../../auth/routes';
import { applySession, logout, useSession } from '../../auth/session';
import { isSessionAnswer } from '../../auth/types';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import {
  bigPrimaryButtonClass,
  buttonClass,
  FormErrors,
  h1Class,
  InfoNotice,
  leadClass,
  LoadingLine,
  PasswordField,
  PasswordRule,
  ProblemBox,
  TextField,
} from './ui';

function InvitationForm() {
  const { t, language } = useI18n();
  const v = t.identity.invitation;
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const labels: Record<string, string> = { code: v.code, password: v.password, password_confirm: v.passwordConfirm };

  const submit = (event: Event) => {
    event.preventDefault();
    const f = t.identity.fieldErrors;
    const found: Record<string, string> = {};
    const value = normaliseCode(code);
    if (value === '') found['code'] = f.required(v.code);
    else if (!/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(value)) found['code'] = f.recoveryFormat;
    const weak = passwordProblem(t, password, '', false);
    if (weak !== null) found['password'] = weak;
    else if (confirm !== password) found['password_confirm'] = f.passwordMismatch;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    send('POST', '/api/v1/invitations/accept', isSessionAnswer, { body: { code: value, password }, loginStep: true }).then(
      (answer) => {
        applySession(answer);
        navigate(answer.mfa === 'enrol' ? identityPaths.accountMfa : identityPaths.account, { replace: true });
      },
      (error: unknown) => {
        setBusy(false);
        const shown = describeProblem(t, language, error, 'invitation');
        setErrors(shown.fields);
        setProblem(shown);
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} class="max-w-xl" data-testid="invitation-form">
      <FormErrors errors={problem === null ? errors : {}} labels={labels} />
      {problem !== null && <ProblemBox problem={problem} labels={labels} />}
      <TextField
        id="code"
        label={v.code}
        help={v.codeHelp}
        autocomplete="off"
        spellcheck={false}
        autoCapitalize="characters"
        value={code}
        onInput={setCode}
        error={errors['code']}
        required
        inputClass="max-w-80 text-mono-17B-150 tracking-wider"
      />
      <PasswordField
        id="password"
        label={v.password}
        help={<PasswordRule mfa={false} />}
        autocomplete="new-password"
        value={password}
        onInput={setPassword}
        error={errors['password']}
        required
        count
      />
      <PasswordField
        id="password_confirm"
        label={v.passwordConfirm}
        autocomplete="new-password"
        value={confirm}
        onInput={setConfirm}
        error={errors['password_confirm']}
        required
      />
      <div class="mt-8">
        <button type="submit" class={bigPrimaryButtonClass} disabled={busy}>
          {busy ? v.submitting : v.submit}
        </button>
      </div>
    </form>
  );
}

export function Invitation() {
  const { t } = useI18n();
  const v = t.identity.invitation;
  const session = useSession();
  return (
    <>
      <h1 class={h1Class}>{v.title}</h1>
      {session.status === 'loading' && <LoadingLine />}
      {session.status === 'active' && (
        <InfoNotice testId="invitation-signed-in">
          <p>{v.alreadySignedIn(session.user.display_name)}</p>
          <p class="mt-3">
            <button type="button" class={buttonClass} onClick={() => void logout()}>
              {t.header.logout}
            </button>
          </p>
        </InfoNotice>
      )}
      {session.status === 'anonymous' && (
        <>
          <p class={leadClass}>{v.lead}</p>
          <p class="mt-3 max-w-3xl text-std-16N-175">{v.loginNote}</p>
          <InvitationForm />
        </>
      )}
    </>
  );
}
