// /setup: first-run setup. Registers the organisation and its first administrator, then goes straight
// on to two-factor enrolment (mandatory for administrators). The setup code proves the person runs the
// server: it is shown only on the server's console and log (or by `mamori setup-code`).
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { characters, looksLikeEmail, passwordProblem } from '../../auth/checks';
import { describeProblem } from '../../auth/problems';
import { send } from '../../auth/request';
import { identityPaths } from '../../auth/routes';
import { applySession } from '../../auth/session';
import { isSessionAnswer, isSetupState } from '../../auth/types';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import {
  EmailField,
  FormProblems,
  h1Class,
  h2Class,
  InfoNotice,
  leadClass,
  linkClass,
  LoadingLine,
  NewPasswordFields,
  ProblemBox,
  SubmitButton,
  TextField,
  useFormState,
} from './ui';
import { checkOrganisation, emptyChoice, OrganisationFields, organisationBody, type OrganisationChoice } from './SetupOrganisation';

function SetupForm() {
  const { t, language } = useI18n();
  const s = t.identity.setup;
  const [setupCode, setSetupCode] = useState('');
  const [choice, setChoice] = useState<OrganisationChoice>(emptyChoice);
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { errors, setErrors, problem, setProblem, busy, setBusy, refused } = useFormState();
  const labels: Record<string, string> = {
    setup_code: s.setupCode,
    purpose: t.organisationSetup.purposeLegend,
    organisation_id: t.organisationSetup.resultsLegend,
    facility_id: t.organisationSetup.facilityId,
    organisation_kind: t.organisationSetup.kind,
    organisation_name: s.organisationName,
    prefecture_code: t.organisationSetup.prefecture,
    municipality_code: t.organisationSetup.municipality,
    display_name: s.displayName,
    login: s.loginName,
    password: s.password,
    password_confirm: s.passwordConfirm,
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const f = t.identity.fieldErrors;
    const found: Record<string, string> = {};
    if (setupCode.trim() === '') found['setup_code'] = f.required(s.setupCode);
    Object.assign(found, checkOrganisation(t, choice));
    if (name.trim() === '') found['display_name'] = f.required(s.displayName);
    else if (characters(name.trim()) > 100) found['display_name'] = f.displayName;
    if (login.trim() === '') found['login'] = f.required(s.loginName);
    else if (!looksLikeEmail(login)) found['login'] = f.email;
    const weak = passwordProblem(t, password, login, false);
    if (weak !== null) found['password'] = weak;
    else if (confirm !== password) found['password_confirm'] = f.passwordMismatch;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const body = {
      setup_code: setupCode.trim(),
      ...organisationBody(choice),
      display_name: name.trim(),
      login: login.trim(),
      password,
    };
    send('POST', '/api/v1/setup', isSessionAnswer, { body, loginStep: true }).then(
      (answer) => {
        applySession(answer);
        navigate(identityPaths.accountMfa, { replace: true });
      },
      (error: unknown) => refused(describeProblem(t, language, error, 'setup')),
    );
  };

  return (
    <form noValidate onSubmit={submit} class="max-w-xl" data-testid="setup-form">
      <FormProblems errors={errors} problem={problem} labels={labels} />
      <fieldset class="mt-8">
        <legend class={h2Class}>{s.codeHeading}</legend>
        <TextField
          id="setup_code"
          label={s.setupCode}
          help={s.setupCodeHelp}
          autocomplete="off"
          spellcheck={false}
          autoCapitalize="characters"
          maxLength={64}
          inputClass="font-mono"
          value={setupCode}
          onInput={setSetupCode}
          error={errors['setup_code']}
          required
        />
      </fieldset>
      <OrganisationFields choice={choice} onChange={setChoice} setupCode={setupCode} errors={errors} />
      <fieldset class="mt-10">
        <legend class={h2Class}>{s.administratorHeading}</legend>
        <TextField
          id="display_name"
          label={s.displayName}
          help={s.displayNameHelp}
          autocomplete="name"
          value={name}
          onInput={setName}
          error={errors['display_name']}
          required
        />
        <EmailField
          id="login"
          label={s.loginName}
          help={s.loginHelp}
          autocomplete="username"
          value={login}
          onInput={setLogin}
          error={errors['login']}
          required
        />
        <NewPasswordFields
          ids={['password', 'password_confirm']}
          labels={[s.password, s.passwordConfirm]}
          values={[password, confirm]}
          onInput={[setPassword, setConfirm]}
          errors={errors}
          mfa={false}
        />
      </fieldset>
      <SubmitButton busy={busy} label={s.submit} busyLabel={s.submitting} />
    </form>
  );
}

export function Setup() {
  const { t, language } = useI18n();
  const s = t.identity.setup;
  const [state] = useResource('/api/v1/setup', (signal) =>
    send('GET', '/api/v1/setup', isSetupState, { signal, loginStep: true }),
  );
  return (
    <>
      <h1 class={h1Class}>{s.title}</h1>
      {state.state === 'loading' && <LoadingLine />}
      {state.state === 'error' && <ProblemBox problem={describeProblem(t, language, state.error)} />}
      {state.state === 'ready' && !state.data.needed && (
        <InfoNotice testId="setup-done">
          <p>{s.done}</p>
          <p class="mt-2">
            <Link href={identityPaths.login} class={linkClass}>
              {s.loginLink}
            </Link>
          </p>
        </InfoNotice>
      )}
      {state.state === 'ready' && state.data.needed && (
        <>
          <p class={leadClass}>{s.lead}</p>
          <p class="mt-3 max-w-3xl text-std-16N-175">{s.next}</p>
          <SetupForm />
        </>
      )}
    </>
  );
}
