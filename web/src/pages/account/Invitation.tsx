// /invitation: the invited person enters the one-time code and chooses a password; then two-factor
// enrolment when the role requires it, else the account page.
import { useState } from 'preact/hooks';
import { passwordProblem } from '../../auth/checks';
import { normaliseCode } from '../../auth/format';
import { describeProblem } from '../../auth/problems';
import { send } from '../../auth/request';
import { identityPaths } from '../../auth/routes';
import { applySession, logout, useSession } from '../../auth/session';
import { isSessionAnswer } from '../../auth/types';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import {
  buttonClass,
  FormProblems,
  GroupedCodeField,
  h1Class,
  InfoNotice,
  leadClass,
  LoadingLine,
  NewPasswordFields,
  SubmitButton,
  useFormState,
} from './ui';

function InvitationForm() {
  const { t, language } = useI18n();
  const v = t.identity.invitation;
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, setErrors, problem, setProblem, busy, setBusy, refused } = useFormState();
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
        const target = answer.mfa === 'enrol' ? identityPaths.accountMfa : identityPaths.account;
        navigate(answer.account_reset === true ? `${target}?reset=1` : target, { replace: true });
      },
      (error: unknown) => refused(describeProblem(t, language, error, 'invitation')),
    );
  };

  return (
    <form noValidate onSubmit={submit} class="max-w-xl" data-testid="invitation-form">
      <FormProblems errors={errors} problem={problem} labels={labels} />
      <GroupedCodeField id="code" label={v.code} help={`${t.recovery.invitationCodeHelp}${v.codeHelp}`} value={code} onInput={setCode} error={errors['code']} required />
      <NewPasswordFields
        ids={['password', 'password_confirm']}
        labels={[v.password, v.passwordConfirm]}
        values={[password, confirm]}
        onInput={[setPassword, setConfirm]}
        errors={errors}
        mfa={false}
      />
      <SubmitButton busy={busy} label={v.submit} busyLabel={v.submitting} />
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
