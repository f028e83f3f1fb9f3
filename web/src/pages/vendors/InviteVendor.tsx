// The institution's invite form (vendor name, 法人番号 checked on the page too, the systems it runs, a
// contact address) and, once made, the code shown this one time with a letter to print or copy.
import { useState } from 'preact/hooks';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { Checkbox, CopyButton, FormErrors, ResultBox, SecretBox, SubmitButton, TextField, buttonClass } from '../account/ui';
import { useDay } from '../systems/ui';
import type { RegisteredSystem } from '../systems/systemsApi';
import { corporateNumberProblem, normaliseCorporateNumber } from './corporateNumber';
import { vendorsPaths } from './routes';
import { createInvitation, type CreatedInvitation } from './vendorsApi';

function CodeShownOnce({ made, institution, onDone }: { made: CreatedInvitation; institution: string; onDone: () => void }) {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const day = useDay();
  const url = `${window.location.origin}${vendorsPaths.join}`;
  const letter = v.letter(institution, made.vendor_name, made.code, url, day(made.expires_at));
  return (
    <ResultBox heading={v.codeHeading} testId="invitation-code-box" class="mt-6 max-w-3xl">
      <p class="mt-2 text-std-16N-170">{v.codeOnce}</p>
      <SecretBox value={made.code} testId="invitation-code" label={v.codeLabel} large />
      <h3 class="mt-6 text-std-16B-170">{v.letterHeading}</h3>
      <pre data-testid="invitation-letter" class="mt-2 whitespace-pre-wrap rounded-8 border border-solid-gray-420 bg-white p-4 font-sans text-std-16N-170">
        {letter}
      </pre>
      <div class="mt-4 flex flex-wrap items-center gap-4 print:hidden">
        <CopyButton text={letter} label={v.copyLetter} testId="copy-letter" />
        <button type="button" class={buttonClass} onClick={() => window.print()}>
          {v.print}
        </button>
        <button type="button" class={buttonClass} onClick={onDone} data-testid="invitation-done">
          {v.done}
        </button>
      </div>
    </ResultBox>
  );
}

export function InviteVendor({
  systems,
  institution,
  onShown,
  onCreated,
}: {
  systems: RegisteredSystem[];
  institution: string;
  onShown: (shown: boolean) => void;
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const [email, setEmail] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<CreatedInvitation | null>(null);

  if (made !== null)
    return (
      <CodeShownOnce
        made={made}
        institution={institution}
        onDone={() => {
          setMade(null);
          onCreated();
        }}
      />
    );

  const submit = (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (name.trim() === '') local['vendor_name'] = v.problems['vendor_name'] ?? '';
    const numberProblem = corporateNumberProblem(number);
    if (numberProblem !== null) local['corporate_number'] = v.problems[numberProblem === 'digits' ? 'corporate_number_digits' : 'corporate_number_check'] ?? '';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const corporate = normaliseCorporateNumber(number);
    createInvitation({
      vendor_name: name.trim(),
      ...(corporate === '' ? {} : { corporate_number: corporate }),
      system_ids: chosen,
      ...(email.trim() === '' ? {} : { contact_email: email.trim() }),
    }).then(
      (invitation) => {
        setBusy(false);
        setName('');
        setNumber('');
        setEmail('');
        setChosen([]);
        setMade(invitation);
        onShown(true);
      },
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ProblemError && error.fields.length > 0) {
          const named: Record<string, string> = {};
          for (const field of error.fields) {
            const key = field.field.replace(/\[\d+\]$/, '');
            named[key] = v.problems[key] ?? v.problems['heading'] ?? '';
          }
          setErrors(named);
          return;
        }
        setErrors({ form: error instanceof ProblemError && error.status === 409 ? (v.problems['tooMany'] ?? '') : v.loadFailed });
      },
    );
  };

  const labels = { ...v.fields, form: v.inviteHeading };
  return (
    <form onSubmit={submit} noValidate data-testid="invite-form" class="max-w-3xl">
      <p class="mt-4 text-std-16N-170">{v.inviteLead}</p>
      <FormErrors errors={errors} labels={labels} />
      <TextField id="vendor_name" label={v.fields['vendor_name'] ?? ''} value={name} onInput={setName} maxLength={200} help={v.help.vendor_name} error={errors['vendor_name']} required />
      <TextField
        id="corporate_number"
        label={v.fields['corporate_number'] ?? ''}
        value={number}
        onInput={setNumber}
        maxLength={20}
        inputMode="numeric"
        autocomplete="off"
        help={v.help.corporate_number}
        error={errors['corporate_number']}
      />
      <fieldset class="mt-6" id="system_ids" aria-describedby="system_ids-help">
        <legend class="text-std-16B-170 text-solid-gray-900">{v.fields['system_ids']}</legend>
        <p id="system_ids-help" class="mt-1 text-std-16N-170 text-solid-gray-700">
          {systems.length === 0 ? v.help.noSystems : v.help.system_ids}
        </p>
        {systems.map((system) => (
          <Checkbox
            key={system.id}
            id={`system-${system.id}`}
            checked={chosen.includes(system.id)}
            onChange={(checked) => setChosen((current) => (checked ? [...current, system.id] : current.filter((id) => id !== system.id)))}
            label={system.name}
          />
        ))}
        {errors['system_ids'] !== undefined && <p class="mt-2 text-std-16N-170 text-error-1">{errors['system_ids']}</p>}
      </fieldset>
      <TextField id="contact_email" label={v.fields['contact_email'] ?? ''} type="email" value={email} onInput={setEmail} maxLength={254} error={errors['contact_email']} />
      <SubmitButton busy={busy} label={v.invite} busyLabel={v.inviting} />
    </form>
  );
}

