// /account/mfa: two-factor enrolment. Shows the QR code (an SVG from the server, as a data: image: the CSP
// allows no inline markup) and the secret in groups of four, checks one code, then shows the ten recovery
// codes once, to print or copy.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { groupSecret, normaliseTotp } from '../../auth/format';
import { describeProblem, type ShownProblem } from '../../auth/problems';
import { send } from '../../auth/request';
import { RequireSession } from '../../auth/RequireSession';
import { landingPath } from '../../auth/landing';
import { identityPaths } from '../../auth/routes';
import { applySession, safeNext, type ActiveSession } from '../../auth/session';
import { isSessionAnswer, isTotpEnrolment, type TotpEnrolment } from '../../auth/types';
import { useI18n } from '../../i18n';
import { Link, navigate, useSearch } from '../../router';
import {
  bigPrimaryButtonClass,
  buttonClass,
  Checkbox,
  CopyButton,
  h1Class,
  h2Class,
  InfoNotice,
  leadClass,
  linkClass,
  ProblemBox,
  SubmitButton,
  SuccessNotice,
  TotpField,
  WarningNotice,
} from './ui';

/** "otpauth://totp/mamori:sato%40example.jp?secret=…" → "mamori:sato@example.jp". */
function accountName(uri: string): string | null {
  const match = /^otpauth:\/\/totp\/([^?]+)/.exec(uri);
  if (match?.[1] === undefined) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

function Step({ number, title, children }: { number: number; title: string; children: ComponentChildren }) {
  return (
    <li class="mt-8 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4">
      <span
        aria-hidden="true"
        class="grid size-10 place-items-center rounded-full bg-blue-900 text-std-18B-160 text-white"
      >
        {number}
      </span>
      <div>
        <h2 class="text-std-20B-150 text-solid-gray-900">{title}</h2>
        {children}
      </div>
    </li>
  );
}

function Enrolment({ onDone }: { onDone: (codes: string[]) => void }) {
  const { t, language } = useI18n();
  const m = t.identity.mfa;
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [loadProblem, setLoadProblem] = useState<ShownProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const keyBox = useRef<HTMLDetailsElement>(null);
  const showKeyAgain = () => {
    if (keyBox.current === null) return;
    keyBox.current.open = true;
    keyBox.current.scrollIntoView({ block: 'center' });
    keyBox.current.querySelector('summary')?.focus();
  };

  useEffect(() => {
    let active = true;
    setLoadProblem(null);
    send('POST', '/api/v1/me/mfa/enrolment', isTotpEnrolment).then(
      (answer) => {
        if (active) setEnrolment(answer);
      },
      (failure: unknown) => {
        if (active) setLoadProblem(describeProblem(t, language, failure, 'enrolment'));
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  const submit = (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const value = normaliseTotp(code);
    if (!/^\d{6}$/.test(value)) {
      setError(t.identity.fieldErrors.totpFormat);
      return;
    }
    setError(undefined);
    setBusy(true);
    send('POST', '/api/v1/me/mfa/confirmation', isSessionAnswer, { body: { code: value } }).then(
      (answer) => {
        setBusy(false);
        onDone(answer.recovery_codes ?? []);
        applySession(answer);
      },
      (failure: unknown) => {
        setBusy(false);
        setCode('');
        const shown = describeProblem(t, language, failure, 'enrolment');
        setMismatch(shown.fields['code'] !== undefined);
        if (shown.fields['code'] !== undefined) setError(shown.fields['code']);
        setProblem(shown);
      },
    );
  };

  if (loadProblem !== null) {
    return (
      <>
        <ProblemBox problem={loadProblem} />
        <p class="mt-4">
          <button type="button" class={buttonClass} onClick={() => setAttempt((n) => n + 1)}>
            {t.identity.retry}
          </button>
        </p>
      </>
    );
  }
  if (enrolment === null) return <p class="mt-6 text-std-16N-170 text-solid-gray-700">{m.preparing}</p>;

  const account = accountName(enrolment.otpauth_uri);
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qr_svg)}`;
  return (
    <ol class="max-w-3xl" data-testid="mfa-enrolment">
      <Step number={1} title={m.step1}>
        <p class="mt-2 text-std-16N-170">{m.step1Body}</p>
      </Step>
      <Step number={2} title={m.step2}>
        <p class="mt-2 text-std-16N-170">{m.step2Body}</p>
        <img
          src={qr}
          alt={m.qrAlt}
          width={224}
          height={224}
          class="mt-4 size-56 rounded-8 border border-solid-gray-420 bg-white p-2"
          data-testid="totp-qr"
        />
        <details ref={keyBox} class="mt-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4" open>
          <summary class="min-h-11 cursor-pointer text-std-16B-170 text-blue-1000 underline underline-offset-2">
            {m.manualSummary}
          </summary>
          <p class="mt-2 text-std-16N-170">{m.manualBody}</p>
          <dl class="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[auto_minmax(0,1fr)]">
            <dt class="text-std-16B-170">{m.secretLabel}</dt>
            <dd>
              <code
                data-testid="totp-secret"
                data-secret={enrolment.secret}
                class="inline-flex flex-wrap gap-x-3 gap-y-1 rounded-6 bg-white px-3 py-2 text-mono-17B-150 tracking-wider text-solid-gray-900"
              >
                {groupSecret(enrolment.secret).map((group, index) => (
                  <span key={index}>{group}</span>
                ))}
              </code>
            </dd>
            {account !== null && (
              <>
                <dt class="text-std-16B-170">{m.accountLabel}</dt>
                <dd class="break-all text-std-16N-170">{account}</dd>
              </>
            )}
          </dl>
        </details>
      </Step>
      <Step number={3} title={m.step3}>
        <p class="mt-2 text-std-16N-170">{m.step3Body}</p>
        <form noValidate onSubmit={submit} data-testid="mfa-confirm-form">
          {problem !== null && <ProblemBox problem={problem} />}
          {mismatch && (
            <p class="mt-3">
              <button type="button" class={buttonClass} onClick={showKeyAgain} data-testid="show-key-again">
                {t.recovery.showKeyAgain}
              </button>
            </p>
          )}
          <TotpField id="totp-code" label={m.codeLabel} value={code} onInput={setCode} error={error} required class="mt-4" />
          <SubmitButton busy={busy} label={m.confirm} busyLabel={m.confirming} class="mt-6" />
        </form>
      </Step>
    </ol>
  );
}

function RecoveryCodes({ session, codes, next }: { session: ActiveSession; codes: string[]; next: string }) {
  const { t } = useI18n();
  const m = t.identity.mfa;
  const [saved, setSaved] = useState(false);
  const [reminder, setReminder] = useState(false);
  // The enrolment form is gone: focus moves to the new step's heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const proceed = () => {
    if (!saved) {
      setReminder(true);
      return;
    }
    navigate(next, { replace: true });
  };
  return (
    <div class="max-w-3xl" data-testid="recovery-screen">
      <div class="print:hidden">
        <SuccessNotice testId="mfa-done">{m.doneNotice}</SuccessNotice>
      </div>
      <h2 class={`mt-8 ${h2Class}`} ref={heading} tabIndex={-1} data-testid="recovery-heading">
        {m.recoveryTitle}
      </h2>
      <WarningNotice heading={m.recoveryWarningHeading} testId="recovery-warning">
        <p>{m.recoveryWarning}</p>
        <p class="mt-2 text-std-16B-170">{m.recoveryOnce}</p>
      </WarningNotice>
      <section aria-labelledby="recovery-list" class="mt-6 rounded-8 border-2 border-solid-gray-600 bg-white p-4 md:p-6">
        <h3 id="recovery-list" class="text-std-16B-170 text-solid-gray-900">
          {m.recoveryFor(session.user.display_name, session.user.login)}
        </h3>
        <ol class="mt-4 grid gap-x-8 gap-y-2 sm:grid-cols-2" data-testid="recovery-codes">
          {codes.map((code, index) => (
            <li key={code} class="flex items-baseline gap-3">
              <span class="w-6 text-right text-dns-14N-130 text-solid-gray-700">{index + 1}.</span>
              <code class="text-mono-17B-150 tracking-wider text-solid-gray-900" data-testid="recovery-code">
                {code}
              </code>
            </li>
          ))}
        </ol>
      </section>
      <div class="mt-4 flex flex-wrap items-center gap-3 print:hidden">
        <button type="button" class={buttonClass} onClick={() => window.print()} data-testid="print-codes">
          {t.identity.print}
        </button>
        <CopyButton text={codes.join('\n')} testId="copy-codes" />
      </div>
      <div class="mt-8 print:hidden">
        <Checkbox id="codes-saved" checked={saved} onChange={(value) => {
          setSaved(value);
          if (value) setReminder(false);
        }} label={<span class="text-std-16B-170">{m.saved}</span>} />
        {reminder && (
          <p role="alert" class="mt-2 text-std-16N-170 text-error-1">
            {m.savedFirst}
          </p>
        )}
        <div class="mt-6">
          <button type="button" class={bigPrimaryButtonClass} onClick={proceed} data-testid="continue">
            {m.continue}
          </button>
        </div>
      </div>
    </div>
  );
}

function MfaPage({ session }: { session: ActiveSession }) {
  const { t } = useI18n();
  const m = t.identity.mfa;
  const next = safeNext(new URLSearchParams(useSearch()).get('next')) ?? landingPath(session.user);
  const [codes, setCodes] = useState<string[] | null>(null);

  const reset = new URLSearchParams(useSearch()).get('reset') === '1';
  if (codes !== null) return <RecoveryCodes session={session} codes={codes} next={next} />;
  if (session.user.mfa_enabled && session.mfa === 'none') {
    return (
      <InfoNotice testId="mfa-already-on">
        <p>{m.alreadyOn}</p>
        <p class="mt-2">
          <Link href={identityPaths.account} class={linkClass}>
            {m.backToAccount}
          </Link>
        </p>
      </InfoNotice>
    );
  }
  return (
    <>
      {reset && <InfoNotice testId="account-reset-notice">{t.recovery.accountResetNotice}</InfoNotice>}
      <p class={leadClass}>{m.lead}</p>
      {session.user.mfa_required && <p class="mt-3 max-w-3xl text-std-16B-170 text-solid-gray-900">{m.required}</p>}
      <Enrolment onDone={setCodes} />
    </>
  );
}

export function MfaEnrolment() {
  const { t } = useI18n();
  return (
    <>
      <h1 class={h1Class}>{t.identity.mfa.title}</h1>
      <RequireSession allowEnrolment>{(session) => <MfaPage session={session} />}</RequireSession>
    </>
  );
}

