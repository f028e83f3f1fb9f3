// /systems/new and /systems/{id}/edit: one system's fields in plain Japanese, with a sentence of help where
// a clinic without IT staff needs one (リモート保守, 接続点). The remote maintenance questions appear only
// when there is remote maintenance. The server's rules are the ones that count; its field errors are shown
// by the fields.
import { useState } from 'preact/hooks';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { buttonClass, Checkbox, h2Class, SelectField, SubmitButton, TextField, WarningNotice } from '../account/ui';
import { systemsPaths } from './routes';
import { VendorPicker } from './VendorPicker';
import { createSystem, updateSystem, type RegisteredSystem, type SystemFields, type SystemKind } from './systemsApi';

const textareaClass =
  'mt-2 block w-full rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300';
const fieldsetClass = 'mt-12';

function RadioGroup<T extends string>({
  name,
  legend,
  help,
  value,
  options,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  help?: string;
  value: T | null;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset class="mt-6" id={name} {...(help === undefined ? {} : { 'aria-describedby': `${name}-help` })}>
      <legend class="text-std-16B-170 text-solid-gray-900">{legend}</legend>
      {help !== undefined && (
        <p id={`${name}-help`} class="mt-1 text-std-16N-170 text-solid-gray-700">
          {help}
        </p>
      )}
      <div class="mt-2 flex flex-wrap gap-x-6 gap-y-1">
        {options.map((option) => (
          <label key={option.value} class="inline-flex min-h-11 cursor-pointer items-center gap-2 text-std-16N-170">
            <input type="radio" class="size-5 accent-blue-900" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
      {error !== undefined && (
        <p class="mt-2 text-std-16N-170 text-error-1" data-testid="field-error">
          <span aria-hidden="true">＊</span>
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function SystemForm({ kinds, initial, existing }: { kinds: SystemKind[]; initial: SystemFields; existing?: RegisteredSystem }) {
  const { t, language } = useI18n();
  const s = t.systemsRegister;
  const f = s.fields;
  const [fields, setFields] = useState<SystemFields>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SystemFields>(key: K, value: SystemFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const text = (key: keyof SystemFields, maxLength: number, help?: string, required?: boolean) => (
    <TextField
      id={key}
      label={f[key] ?? ''}
      value={(fields[key] as string | null) ?? ''}
      onInput={(value) => set(key, value as never)}
      maxLength={maxLength}
      error={errors[key]}
      {...(help === undefined ? {} : { help })}
      {...(required === true ? { required: true } : {})}
    />
  );
  const date = (key: 'contract_start' | 'contract_end') => (
    <div class="mt-6">
      <label for={key} class="block text-std-16B-170 text-solid-gray-900">
        {f[key]}
      </label>
      <input
        id={key}
        name={key}
        type="date"
        value={fields[key] ?? ''}
        onInput={(event) => set(key, (event.currentTarget as HTMLInputElement).value || null)}
        class={`mt-2 block min-h-14 rounded-8 border bg-white px-4 py-2 text-std-16N-170 ${errors[key] === undefined ? 'border-solid-gray-600' : 'border-2 border-error-1'}`}
        {...(errors[key] === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `${key}-error` })}
      />
      {errors[key] !== undefined && (
        <p id={`${key}-error`} class="mt-2 text-std-16N-170 text-error-1" data-testid="field-error">
          <span aria-hidden="true">＊</span>
          {errors[key]}
        </p>
      )}
    </div>
  );

  const submit = (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (fields.kind === '') local['kind'] = s.fieldProblems['kind'] ?? '';
    if (fields.name.trim() === '') local['name'] = s.fieldProblems['name'] ?? '';
    if (fields.remote_maintenance && fields.remote_method === null) local['remote_method'] = s.methodNeeded;
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setProblem(s.errorHeading);
      return;
    }
    // Remote details are kept only with remote maintenance.
    const body: SystemFields = fields.remote_maintenance
      ? fields
      : { ...fields, remote_method: null, remote_method_note: '', remote_device: '', connection_point: '' };
    setBusy(true);
    setProblem(null);
    const saved = existing === undefined ? createSystem(body) : updateSystem(existing.id, existing.version, body);
    saved.then(
      (system) => navigate(`${systemsPaths.detail(system.id)}?saved=${existing === undefined ? 'created' : 'changed'}`),
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ProblemError && error.status === 409) {
          setProblem(s.stale);
          return;
        }
        if (error instanceof ProblemError && error.fields.length > 0) {
          const named: Record<string, string> = {};
          for (const field of error.fields) named[field.field] = s.fieldProblems[field.field] ?? s.fieldProblem(f[field.field] ?? '');
          setErrors(named);
          setProblem(s.errorHeading);
          return;
        }
        setProblem(s.loadFailed);
      },
    );
  };

  const kindOptions = kinds.map((kind) => ({ value: kind.code, label: language === 'ja' ? kind.label_ja : kind.label_en }));
  return (
    <form onSubmit={submit} noValidate data-testid="system-form" class="max-w-3xl">
      {problem !== null && (
        <div role="alert" data-testid="form-problem" class="mt-6 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170 text-solid-gray-900">
          <p>{problem}</p>
          {Object.keys(errors).length > 0 && (
            <ul class="mt-2 list-disc pl-6">
              {Object.entries(errors).map(([field, message]) => (
                <li key={field}>
                  <a href={`#${field}`} class="text-error-1 underline underline-offset-2">
                    {f[field] ?? ''}
                  </a>
                  ：{message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <fieldset class="mt-6">
        <legend class={h2Class}>{s.sections.system}</legend>
        <SelectField id="kind" label={f['kind'] ?? ''} value={fields.kind} onChange={(value) => set('kind', value)} options={kindOptions} placeholder={s.choose} help={s.help.kind} error={errors['kind']} required />
        {text('name', 100, s.help.name, true)}
        {text('product_name', 100, s.help.product_name)}
        {text('product_version', 100)}
      </fieldset>
      <fieldset class={fieldsetClass}>
        <legend class={h2Class}>{s.sections.vendor}</legend>
        <VendorPicker
          vendorId={fields.vendor_organisation_id}
          vendorName={fields.vendor_name}
          onChange={(vendorId, vendorName) => setFields((current) => ({ ...current, vendor_organisation_id: vendorId, vendor_name: vendorName }))}
          error={errors['vendor_organisation_id'] ?? errors['vendor_name']}
        />
        <p class="mt-6 text-std-16N-170 text-solid-gray-700">{s.help.contract}</p>
        <div class="flex flex-wrap gap-x-8">
          {date('contract_start')}
          {date('contract_end')}
        </div>
        <div class="mt-6">
          <Checkbox id="maintenance_contract" checked={fields.maintenance_contract} onChange={(value) => set('maintenance_contract', value)} label={f['maintenance_contract']} help={s.help.maintenance_contract} />
          <Checkbox id="subcontracting" checked={fields.subcontracting} onChange={(value) => set('subcontracting', value)} label={f['subcontracting']} help={s.help.subcontracting} />
        </div>
      </fieldset>
      <fieldset class={fieldsetClass}>
        <legend class={h2Class}>{s.sections.data}</legend>
        <RadioGroup
          name="data_location"
          legend={f['data_location'] ?? ''}
          help={s.help.data_location}
          value={fields.data_location}
          options={(['on_premises', 'cloud'] as const).map((value) => ({ value, label: s.dataLocations[value] ?? '' }))}
          onChange={(value) => set('data_location', value)}
          error={errors['data_location']}
        />
        <RadioGroup
          name="backup_responsibility"
          legend={f['backup_responsibility'] ?? ''}
          help={s.help.backup_responsibility}
          value={fields.backup_responsibility}
          options={(['institution', 'vendor', 'shared'] as const).map((value) => ({ value, label: s.backups[value] ?? '' }))}
          onChange={(value) => set('backup_responsibility', value)}
          error={errors['backup_responsibility']}
        />
      </fieldset>
      <fieldset class={fieldsetClass}>
        <legend class={h2Class}>{s.sections.remote}</legend>
        <RadioGroup
          name="remote_maintenance"
          legend={f['remote_maintenance'] ?? ''}
          help={s.help.remote_maintenance}
          value={fields.remote_maintenance ? 'yes' : 'no'}
          options={[
            { value: 'yes', label: s.yes },
            { value: 'no', label: s.no },
          ]}
          onChange={(value) => set('remote_maintenance', value === 'yes')}
        />
        {fields.remote_maintenance && (
          <div data-testid="remote-details">
            <RadioGroup
              name="remote_method"
              legend={f['remote_method'] ?? ''}
              help={s.help.remote_method}
              value={fields.remote_method}
              options={(['vpn', 'leased_line', 'internet', 'other'] as const).map((value) => ({ value, label: s.methods[value] ?? '' }))}
              onChange={(value) => set('remote_method', value)}
              error={errors['remote_method']}
            />
            {text('remote_method_note', 200)}
            {text('remote_device', 200, s.help.remote_device)}
            {text('connection_point', 200, s.help.connection_point)}
          </div>
        )}
      </fieldset>
      <div class={fieldsetClass}>
        <label for="note" class="block text-std-16B-170 text-solid-gray-900">
          {f['note']}
        </label>
        <textarea id="note" name="note" rows={3} maxLength={1000} class={textareaClass} value={fields.note} onInput={(event) => set('note', (event.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      {existing !== undefined && existing.status === 'retired' && <WarningNotice>{s.retiredNotice}</WarningNotice>}
      <div class="mt-8 flex flex-wrap items-center gap-4">
        <SubmitButton class="" busy={busy} label={s.save} busyLabel={s.saving} />
        <button type="button" class={buttonClass} onClick={() => navigate(existing === undefined ? systemsPaths.list : systemsPaths.detail(existing.id))}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}
