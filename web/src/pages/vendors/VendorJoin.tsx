// /vendors/join: a vendor joins with an institution's invitation code. A vendor already in mamori signs in
// and enters the code (顧客医療機関); a new one gives its name, 法人番号 and first administrator, who sets up
// the second factor at the first sign-in. A vendor with the same 法人番号 is refused; the same name needs the
// person's confirmation.
import { useState } from 'preact/hooks';
import { ProblemError } from '../../auth/request';
import { organisationKind } from '../../auth/landing';
import { loginPath, useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { Checkbox, EmailField, FormErrors, h1Class, h2Class, leadClass, PasswordField, PasswordRule, primaryButtonClass, ResultBox, SubmitButton, TextField, WarningNotice } from '../account/ui';
import { corporateNumberProblem, normaliseCorporateNumber } from './corporateNumber';
import { vendorsPaths } from './routes';
import { joinAsVendor, type Joined } from './vendorsApi';

export function VendorJoin() {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const session = useSession();
  const [code, setCode] = useState(new URLSearchParams(window.location.search).get('code') ?? '');
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmNew, setConfirmNew] = useState(false);
  const [sameName, setSameName] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState<Joined | null>(null);
  const signedInVendorAdmin =
    session.status === 'active' && session.mfa === 'none' && organisationKind(session.user) === 'vendor' && session.user.roles.includes('administrator');

  const submit = (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (code.trim() === '') local['code'] = v.codeProblems['invalid'] ?? '';
    if (name.trim() === '') local['vendor_name'] = v.problems['vendor_name'] ?? '';
    const numberProblem = corporateNumberProblem(number);
    if (numberProblem !== null) local['corporate_number'] = v.problems[numberProblem === 'digits' ? 'corporate_number_digits' : 'corporate_number_check'] ?? '';
    const required = (field: string) => t.identity.fieldErrors.required(v.joinFields[field] ?? '');
    if (login.trim() === '') local['administrator.login'] = required('administrator.login');
    if (displayName.trim() === '') local['administrator.display_name'] = required('administrator.display_name');
    if (password === '') local['administrator.password'] = required('administrator.password');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const corporate = normaliseCorporateNumber(number);
    joinAsVendor({
      code: code.trim().toUpperCase(),
      vendor_name: name.trim(),
      ...(corporate === '' ? {} : { corporate_number: corporate }),
      administrator: { login: login.trim(), display_name: displayName.trim(), password },
      confirm_new: confirmNew,
    }).then(
      (answer) => {
        setBusy(false);
        setJoined(answer);
      },
      (error: unknown) => {
        setBusy(false);
        if (!(error instanceof ProblemError)) {
          setErrors({ form: v.loadFailed });
          return;
        }
        const first = error.fields[0];
        if (error.status === 404 || error.status === 410) setErrors({ code: v.codeProblems[error.status === 404 ? 'not_found' : 'gone'] ?? '' });
        else if (error.status === 429) setErrors({ code: v.codeProblems['rate_limited'] ?? '' });
        else if (first?.reason === 'same_corporate_number') setErrors({ corporate_number: v.sameNumber });
        else if (first?.reason === 'same_name') {
          setSameName(first.value ?? '');
          setErrors({ vendor_name: v.sameName(first.value ?? '') });
        } else if (first?.field === 'administrator.login' && error.status === 409) setErrors({ 'administrator.login': v.loginTaken });
        else if (first !== undefined) setErrors({ [first.field]: first.field === 'administrator.password' ? t.identity.passwordRuleStrict : (v.problems[first.field] ?? v.problems['heading'] ?? '') });
        else setErrors({ form: v.loadFailed });
      },
    );
  };

  if (joined !== null)
    return (
      <div data-testid="vendor-join-page">
        <h1 class={h1Class}>{v.joinTitle}</h1>
        <ResultBox heading={v.joinedHeading} testId="vendor-joined" class="mt-6 max-w-3xl">
          <p class="mt-2 text-std-16N-170">{v.joined(joined.vendor.name, joined.institution.name)}</p>
          <p class="mt-2 text-std-16N-170">{v.joinedNext}</p>
          <p class="mt-4">
            <Link href={loginPath(vendorsPaths.customers)} class={primaryButtonClass} data-testid="joined-sign-in">
              {v.joinedSignIn}
            </Link>
          </p>
        </ResultBox>
      </div>
    );

  const labels = { ...v.joinFields, form: v.joinTitle };
  return (
    <div data-testid="vendor-join-page">
      <h1 class={h1Class}>{v.joinTitle}</h1>
      <p class={leadClass}>{v.joinLead}</p>
      <section class="mt-8 max-w-3xl rounded-8 border border-solid-gray-420 p-4 md:p-6" aria-labelledby="join-existing">
        <h2 id="join-existing" class={h2Class}>
          {v.joinExistingHeading}
        </h2>
        {signedInVendorAdmin ? (
          <p class="mt-2 text-std-16N-170">{v.joinSignedIn}</p>
        ) : (
          <p class="mt-2 text-std-16N-170">{v.joinExisting}</p>
        )}
        <p class="mt-4">
          <Link href={signedInVendorAdmin ? vendorsPaths.customers : loginPath(vendorsPaths.customers)} class={primaryButtonClass} data-testid="join-existing-link">
            {signedInVendorAdmin ? v.joinGoRedeem : v.joinSignIn}
          </Link>
        </p>
      </section>
      <h2 class={`${h2Class} mt-12`}>{v.joinNewHeading}</h2>
      <form onSubmit={submit} noValidate data-testid="vendor-join-form" class="max-w-3xl">
        <FormErrors errors={errors} labels={labels} />
        <TextField id="code" label={v.joinFields['code'] ?? ''} value={code} onInput={setCode} maxLength={40} autocomplete="off" autoCapitalize="characters" spellcheck={false} help={v.codeHelp} error={errors['code']} required />
        <TextField id="vendor_name" label={v.joinFields['vendor_name'] ?? ''} value={name} onInput={(value) => { setName(value); setSameName(null); setConfirmNew(false); }} maxLength={200} error={errors['vendor_name']} required />
        {sameName !== null && (
          <WarningNotice testId="same-name">
            <Checkbox id="confirm_new" checked={confirmNew} onChange={setConfirmNew} label={v.confirmNew} />
          </WarningNotice>
        )}
        <TextField id="corporate_number" label={v.joinFields['corporate_number'] ?? ''} value={number} onInput={setNumber} maxLength={20} inputMode="numeric" autocomplete="off" help={v.help.corporate_number} error={errors['corporate_number']} />
        <EmailField id="administrator.login" label={v.joinFields['administrator.login'] ?? ''} value={login} onInput={setLogin} autocomplete="username" maxLength={254} error={errors['administrator.login']} required />
        <TextField id="administrator.display_name" label={v.joinFields['administrator.display_name'] ?? ''} value={displayName} onInput={setDisplayName} maxLength={100} autocomplete="name" error={errors['administrator.display_name']} required />
        <PasswordField id="administrator.password" label={v.joinFields['administrator.password'] ?? ''} value={password} onInput={setPassword} autocomplete="new-password" help={
            <>
              <PasswordRule mfa={false} />
              <span class="mt-1 block">{v.joinPasswordHelp}</span>
            </>
          } error={errors['administrator.password']} required count />
        <SubmitButton busy={busy} label={v.join} busyLabel={v.joining} />
      </form>
    </div>
  );
}
