// Form pieces shared by the account, login and administration pages, after the Digital Agency design
// system: labels above fields, help under the label, errors in red text under the field and in a summary
// at the top of the form, 56 px tall inputs and buttons.
import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useState } from 'preact/hooks';
import type { ShownProblem } from '../../auth/problems';
import { useI18n } from '../../i18n';

import { buttonClass } from '../catalog/ui';

export { buttonClass, h1Class, h2Class, linkClass, primaryButtonClass } from '../catalog/ui';

export const h3Class = 'text-std-18B-160 text-solid-gray-900';
export const leadClass = 'mt-4 max-w-3xl text-std-16N-175';
export const sectionClass = 'mt-10 max-w-3xl';
export const bigPrimaryButtonClass =
  'inline-flex min-h-14 items-center justify-center gap-1 rounded-8 border-2 border-blue-900 bg-blue-900 px-6 text-std-16B-170 text-white hover:border-blue-1000 hover:bg-blue-1000 hover:underline disabled:border-solid-gray-300 disabled:bg-solid-gray-300 disabled:text-solid-gray-700 disabled:no-underline';
export const dangerButtonClass =
  'inline-flex min-h-11 items-center justify-center gap-1 rounded-8 border border-red-900 bg-red-900 px-4 text-dns-16B-120 text-white hover:bg-red-1000 hover:underline';
export const textButtonClass =
  'inline-flex min-h-11 items-center text-std-16N-170 text-blue-1000 underline underline-offset-2 hover:decoration-2';
const inputClass =
  'block min-h-14 w-full rounded-8 border bg-white px-4 py-2 text-std-16N-170 text-solid-gray-900 placeholder:text-solid-gray-420';
const inputBorder = (error: string | undefined) => (error === undefined ? 'border-solid-gray-600' : 'border-2 border-error-1');

export function RequiredMark() {
  const { t } = useI18n();
  // The field itself carries aria-required; the visible tag would only repeat it in the field's name.
  return (
    <span aria-hidden="true" class="ml-2 rounded-4 bg-red-900 px-1.5 py-0.5 text-dns-14B-120 text-white">
      {t.identity.required}
    </span>
  );
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (error === undefined) return null;
  return (
    <p id={id} class="mt-2 text-std-16N-170 text-error-1" data-testid="field-error">
      <span aria-hidden="true">＊</span>
      {error}
    </p>
  );
}

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'number';
  autocomplete?: string;
  inputMode?: 'text' | 'numeric' | 'email';
  help?: ComponentChildren;
  error?: string | undefined;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  pattern?: string;
  spellcheck?: boolean;
  autoCapitalize?: 'off' | 'characters';
  class?: string;
  inputClass?: string;
  after?: ComponentChildren;
}

export function TextField(props: TextFieldProps) {
  const helpId = `${props.id}-help`;
  const errorId = `${props.id}-error`;
  const describedBy = [props.help === undefined ? null : helpId, props.error === undefined ? null : errorId]
    .filter((id) => id !== null)
    .join(' ');
  const attributes = {
    id: props.id,
    name: props.id,
    type: props.type ?? 'text',
    value: props.value,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
    class: `${inputClass} ${inputBorder(props.error)} ${props.inputClass ?? ''}`,
    ...(props.autocomplete === undefined ? {} : { autocomplete: props.autocomplete }),
    ...(props.inputMode === undefined ? {} : { inputMode: props.inputMode }),
    ...(props.maxLength === undefined ? {} : { maxLength: props.maxLength }),
    ...(props.min === undefined ? {} : { min: props.min }),
    ...(props.max === undefined ? {} : { max: props.max }),
    ...(props.pattern === undefined ? {} : { pattern: props.pattern }),
    ...(props.spellcheck === undefined ? {} : { spellcheck: props.spellcheck }),
    ...(props.autoCapitalize === undefined ? {} : { autoCapitalize: props.autoCapitalize }),
    ...(props.required === true ? { 'aria-required': true } : {}),
    ...(props.error === undefined ? {} : { 'aria-invalid': true }),
    ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
  } as InputHTMLAttributes;
  return (
    <div class={props.class ?? 'mt-6'}>
      <label for={props.id} class="block text-std-16B-170 text-solid-gray-900">
        {props.label}
        {props.required === true && <RequiredMark />}
      </label>
      {props.help !== undefined && (
        <div id={helpId} class="mt-1 text-std-16N-170 text-solid-gray-700">
          {props.help}
        </div>
      )}
      <div class="mt-2">
        <input {...attributes} />
      </div>
      <FieldError id={errorId} error={props.error} />
      {props.after}
    </div>
  );
}

/** A password field with a "show password" box and a running character count. */
export function PasswordField(props: Omit<TextFieldProps, 'type' | 'after'> & { count?: boolean }) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);
  const count = [...props.value].length;
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      spellcheck={false}
      autoCapitalize="off"
      after={
        <div class="mt-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          <label class="inline-flex min-h-11 cursor-pointer items-center gap-2 text-std-16N-170">
            <input
              type="checkbox"
              class="size-5 accent-blue-900"
              checked={visible}
              onChange={(event) => setVisible((event.currentTarget as HTMLInputElement).checked)}
            />
            {t.identity.showPassword}
          </label>
          {props.count === true && <span class="text-dns-14N-130 text-solid-gray-700">{t.identity.characterCount(count)}</span>}
        </div>
      }
    />
  );
}

/** The problem of a form or action: a sentence, the fields it concerns, and the server's detail. */
export function ProblemBox({ problem, labels = {} }: { problem: ShownProblem; labels?: Record<string, string> }) {
  const { t, language } = useI18n();
  const fieldEntries = Object.entries(problem.fields);
  const linked = fieldEntries.filter(([field]) => labels[field] !== undefined);
  return (
    <div role="alert" data-testid="problem" class="mt-6 rounded-8 border-2 border-error-1 bg-red-50 p-4 md:p-5">
      <p class="text-std-18B-160 text-error-1">{linked.length > 0 ? t.identity.formErrorHeading : t.identity.problemHeading}</p>
      <p class="mt-2 text-std-16N-170 text-solid-gray-900" data-testid="problem-message">
        {problem.message}
      </p>
      {linked.length > 1 && (
        <ul class="mt-2 list-disc pl-6 text-std-16N-170">
          {linked.map(([field, message]) => (
            <li key={field}>
              {labels[field]}: {message}
            </li>
          ))}
        </ul>
      )}
      {problem.detail !== null && language === 'en' && (
        <p class="mt-2 text-dns-14N-130 text-solid-gray-700">
          {t.identity.serverDetail}: <span data-testid="problem-detail">{problem.detail}</span>
        </p>
      )}
    </div>
  );
}

/** A client-side check failed: the summary at the top of the form. */
export function FormErrors({ errors, labels }: { errors: Record<string, string>; labels: Record<string, string> }) {
  const { t } = useI18n();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div role="alert" data-testid="form-errors" class="mt-6 rounded-8 border-2 border-error-1 bg-red-50 p-4 md:p-5">
      <p class="text-std-18B-160 text-error-1">{t.identity.formErrorHeading}</p>
      <ul class="mt-2 list-disc pl-6 text-std-16N-170 text-solid-gray-900">
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`} class="text-error-1 underline underline-offset-2">
              {labels[field] ?? field}
            </a>
            : {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SuccessNotice({ children, testId }: { children: ComponentChildren; testId?: string }) {
  return (
    <div
      role="status"
      class="mt-6 rounded-8 border-2 border-success-2 bg-green-50 p-4 text-std-16B-170 text-solid-gray-900"
      {...(testId === undefined ? {} : { 'data-testid': testId })}
    >
      <span aria-hidden="true" class="mr-2 text-success-2">✓</span>
      {children}
    </div>
  );
}

export function InfoNotice({ children, testId }: { children: ComponentChildren; testId?: string }) {
  return (
    <div
      class="mt-6 rounded-8 border-2 border-blue-900 bg-blue-50 p-4 text-std-16N-170 text-solid-gray-900"
      {...(testId === undefined ? {} : { 'data-testid': testId })}
    >
      {children}
    </div>
  );
}

export function WarningNotice({ heading, children, testId }: { heading?: string; children: ComponentChildren; testId?: string }) {
  return (
    <div
      class="mt-6 rounded-8 border-2 border-warning-yellow-2 bg-yellow-50 p-4 text-std-16N-170 text-solid-gray-900 md:p-5"
      {...(testId === undefined ? {} : { 'data-testid': testId })}
    >
      {heading !== undefined && (
        <p class="mb-2 text-std-18B-160 text-solid-gray-900">
          <span aria-hidden="true" class="mr-2">⚠</span>
          {heading}
        </p>
      )}
      {children}
    </div>
  );
}

export function LoadingLine() {
  const { t } = useI18n();
  return (
    <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700" data-testid="identity-loading">
      {t.identity.loading}
    </p>
  );
}

/** Copies `text` to the clipboard and says whether it worked. */
export function CopyButton({ text, label, testId }: { text: string; label?: string; testId?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (clipboard === undefined) {
      setState('failed');
      return;
    }
    clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <span class="inline-flex flex-wrap items-center gap-3 print:hidden">
      <button
        type="button"
        onClick={copy}
        class="inline-flex min-h-11 items-center justify-center gap-1 rounded-8 border border-blue-900 bg-white px-3 text-dns-16B-120 text-blue-900 hover:bg-blue-50 hover:underline"
        {...(testId === undefined ? {} : { 'data-testid': testId })}
      >
        {label ?? t.identity.copy}
      </button>
      <span role="status" class="text-std-16N-170 text-solid-gray-800">
        {state === 'copied' ? t.identity.copied : state === 'failed' ? t.identity.copyFailed : ''}
      </span>
    </span>
  );
}

export function Checkbox({
  id,
  checked,
  onChange,
  label,
  help,
  disabled,
  name,
  value,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ComponentChildren;
  help?: ComponentChildren;
  disabled?: boolean;
  name?: string;
  value?: string;
}) {
  return (
    <div class="flex gap-3 py-1">
      <input
        id={id}
        type="checkbox"
        class="mt-1 size-6 shrink-0 accent-blue-900"
        checked={checked}
        disabled={disabled === true}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
        {...(name === undefined ? {} : { name })}
        {...(value === undefined ? {} : { value })}
        {...(help === undefined ? {} : { 'aria-describedby': `${id}-help` })}
      />
      <div>
        <label for={id} class={`text-std-16N-170 ${disabled === true ? 'text-solid-gray-536' : 'text-solid-gray-900'}`}>
          {label}
        </label>
        {help !== undefined && (
          <p id={`${id}-help`} class="text-dns-14N-130 text-solid-gray-700">
            {help}
          </p>
        )}
      </div>
    </div>
  );
}

/** A one-time secret (code, token) shown large in a monospace box, with a copy button. */
export function SecretBox({ value, testId, label, large }: { value: string; testId: string; label: string; large?: boolean }) {
  return (
    <div class="mt-4">
      <p class="text-std-16B-170 text-solid-gray-900">{label}</p>
      <div class="mt-2 flex flex-wrap items-center gap-3">
        <code
          data-testid={testId}
          class={`block max-w-full select-all break-all rounded-8 border-2 border-solid-gray-600 bg-white px-4 py-3 font-mono font-bold tracking-wider text-solid-gray-900 ${
            large === true ? 'text-[1.75rem] leading-tight' : 'text-mono-17B-150'
          }`}
        >
          {value}
        </code>
        <CopyButton text={value} />
      </div>
    </div>
  );
}

export function SelectField({
  id,
  label,
  value,
  onChange,
  options,
  placeholder,
  help,
  error,
  required,
  class: className,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `lang`: the language of a label that is a name (an organisation's, a product's), for English pages. */
  options: { value: string; label: string; lang?: string | undefined }[];
  placeholder?: string;
  help?: ComponentChildren;
  error?: string | undefined;
  required?: boolean;
  class?: string;
}) {
  const describedBy = [help === undefined ? null : `${id}-help`, error === undefined ? null : `${id}-error`]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div class={className ?? 'mt-6'}>
      <label for={id} class="block text-std-16B-170 text-solid-gray-900">
        {label}
        {required === true && <RequiredMark />}
      </label>
      {help !== undefined && (
        <div id={`${id}-help`} class="mt-1 text-std-16N-170 text-solid-gray-700">
          {help}
        </div>
      )}
      <div class="mt-2">
        <select
          id={id}
          name={id}
          value={value}
          onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
          class={`${inputClass} ${inputBorder(error)} pr-10`}
          {...(required === true ? { 'aria-required': true } : {})}
          {...(error === undefined ? {} : { 'aria-invalid': true })}
          {...(describedBy === '' ? {} : { 'aria-describedby': describedBy })}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value} {...(option.lang === undefined ? {} : { lang: option.lang })}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** The password rule, next to a new-password field: 13 characters, or 8 with two-factor on. */
export function PasswordRule({ mfa }: { mfa: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <span class="block">{mfa ? t.identity.passwordRuleMfa : t.identity.passwordRuleStrict}</span>
      <span class="mt-1 block text-dns-14N-130 text-solid-gray-700">
        {mfa ? t.identity.passwordRuleMfaNote : t.identity.passwordRuleStrictNote}
      </span>
    </>
  );
}

/** A table cell's column name, shown before the value only where the table is laid out as cards (phones). */
export function CellLabel({ children }: { children: ComponentChildren }) {
  return (
    <span aria-hidden="true" class="w-28 shrink-0 text-dns-14B-120 text-solid-gray-700 md:hidden">
      {children}
    </span>
  );
}

// Tables that become a list of cards below the md breakpoint (768 px).
export const cardTableClass = 'block w-full border-collapse text-left text-std-16N-170 md:table';
export const cardHeadClass = 'sr-only md:not-sr-only md:table-header-group';
export const cardRowClass = 'block border-b border-solid-gray-200 py-2 md:table-row md:py-0';
export const cardCellClass = 'flex gap-3 px-2 py-1 md:table-cell md:py-3';

/** The client-side summary (while the server has not answered with a problem), else the server's problem. */
export function FormProblems({
  errors,
  problem,
  labels,
}: {
  errors: Record<string, string>;
  problem: ShownProblem | null;
  labels: Record<string, string>;
}) {
  return (
    <>
      <FormErrors errors={problem === null ? errors : {}} labels={labels} />
      {problem !== null && <ProblemBox problem={problem} labels={labels} />}
    </>
  );
}

/** A form's main submit button, saying `busyLabel` while the request runs. */
export function SubmitButton({ busy, label, busyLabel, class: className }: { busy: boolean; label: string; busyLabel: string; class?: string }) {
  return (
    <div class={className ?? 'mt-8'}>
      <button type="submit" class={bigPrimaryButtonClass} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}

type FieldProps = Omit<TextFieldProps, 'type' | 'inputMode' | 'spellcheck' | 'autoCapitalize' | 'after'>;

/** A login name (an e-mail address). */
export function EmailField(props: FieldProps) {
  return <TextField {...props} type="email" inputMode="email" spellcheck={false} autoCapitalize="off" />;
}

/** A six-digit code from an authenticator app. */
export function TotpField(props: Omit<FieldProps, 'autocomplete' | 'pattern' | 'inputClass'>) {
  return (
    <TextField
      {...props}
      autocomplete="one-time-code"
      inputMode="numeric"
      pattern="[0-9]*"
      spellcheck={false}
      inputClass="max-w-60 text-mono-17B-150 tracking-[0.3em]"
    />
  );
}

/** A one-time code in groups of four (a recovery code, an invitation code). */
export function GroupedCodeField(props: Omit<FieldProps, 'autocomplete' | 'inputClass'>) {
  return (
    <TextField
      {...props}
      autocomplete="off"
      spellcheck={false}
      autoCapitalize="characters"
      inputClass="max-w-80 text-mono-17B-150 tracking-wider"
    />
  );
}

/** A new password with the password rule and a character count, then the same password again. */
export function NewPasswordFields({
  ids,
  labels,
  values,
  onInput,
  errors,
  mfa,
}: {
  ids: [string, string];
  labels: [string, string];
  values: [string, string];
  onInput: [(value: string) => void, (value: string) => void];
  errors: Record<string, string>;
  mfa: boolean;
}) {
  return (
    <>
      <PasswordField
        id={ids[0]}
        label={labels[0]}
        help={<PasswordRule mfa={mfa} />}
        autocomplete="new-password"
        value={values[0]}
        onInput={onInput[0]}
        error={errors[ids[0]]}
        required
        count
      />
      <PasswordField
        id={ids[1]}
        label={labels[1]}
        autocomplete="new-password"
        value={values[1]}
        onInput={onInput[1]}
        error={errors[ids[1]]}
        required
      />
    </>
  );
}

/** Asks before an action that cannot be undone (or is significant): the question, then confirm and cancel. */
export function ConfirmBox({
  class: className,
  label,
  testId,
  message,
  confirmClass,
  onConfirm,
  onCancel,
  busy,
  children,
}: {
  class: string;
  label: string;
  testId: string;
  message: string;
  confirmClass: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <div class={className} role="group" aria-label={label} data-testid={testId}>
      <p class="text-std-16N-170 text-solid-gray-900">{message}</p>
      {children}
      <div class="mt-3 flex flex-wrap gap-3">
        <button type="button" class={confirmClass} onClick={onConfirm} disabled={busy}>
          {label}
        </button>
        <button type="button" class={buttonClass} onClick={onCancel}>
          {t.identity.cancel}
        </button>
      </div>
    </div>
  );
}

/** A one-time result (a new token, an invitation code): a green box headed with a check mark. */
export function ResultBox({ heading, testId, class: className, children }: { heading: string; testId: string; class?: string; children: ComponentChildren }) {
  return (
    <div class={`${className === undefined ? '' : `${className} `}rounded-8 border-2 border-success-2 bg-green-50 p-4 md:p-6`} role="status" data-testid={testId}>
      <h3 class={h3Class}>
        <span aria-hidden="true" class="mr-2 text-success-2">✓</span>
        {heading}
      </h3>
      {children}
    </div>
  );
}

/**
 * The state every identity form keeps: the field errors, the problem shown above the form, and whether a
 * request is running. `refused` shows a problem the server answered with, marking the fields it names.
 */
export function useFormState(initialProblem: ShownProblem | null = null) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ShownProblem | null>(initialProblem);
  const [busy, setBusy] = useState(false);
  const refused = (shown: ShownProblem) => {
    setBusy(false);
    setErrors(shown.fields);
    setProblem(shown);
  };
  return { errors, setErrors, problem, setProblem, busy, setBusy, refused };
}
