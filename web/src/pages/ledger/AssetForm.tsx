// /ledger/new and /ledger/{id}/edit: one asset's fields in plain Japanese; addresses and CPE names one per line.
// The server's rules are the ones that count (it also writes addresses in their normal form); its field errors
// ("mac_addresses[1]", "cpes[0].cpe") are shown by the field they belong to. Software from an import is kept as
// it is.
import { useState } from 'preact/hooks';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { buttonClass, Checkbox, h2Class, SelectField, SubmitButton, TextField, WarningNotice } from '../account/ui';
import { assetClasses, createAsset, updateAsset, type Asset, type AssetFields, type LedgerSystem } from './ledgerApi';
import { ledgerPaths } from './routes';

const textareaClass =
  'mt-2 block w-full rounded-8 border bg-white px-3 py-2 font-mono text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300';

/** "cpes[0].cpe" → "cpes": the form's field a server error belongs to. */
function fieldOf(path: string): string {
  return path.replace(/[[.].*$/, '');
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function Lines({ id, label, help, value, onInput, error }: { id: string; label: string; help?: string; value: string; onInput: (value: string) => void; error: string | undefined }) {
  const describedBy = [help === undefined ? null : `${id}-help`, error === undefined ? null : `${id}-error`].filter((p) => p !== null).join(' ');
  return (
    <div class="mt-6">
      <label for={id} class="block text-std-16B-170 text-solid-gray-900">
        {label}
      </label>
      {help !== undefined && (
        <p id={`${id}-help`} class="mt-1 text-std-16N-170 text-solid-gray-700">
          {help}
        </p>
      )}
      <textarea
        id={id}
        name={id}
        rows={3}
        spellcheck={false}
        value={value}
        onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
        class={`${textareaClass} ${error === undefined ? 'border-solid-gray-600' : 'border-2 border-error-1'}`}
        {...(error === undefined ? {} : { 'aria-invalid': true })}
        {...(describedBy === '' ? {} : { 'aria-describedby': describedBy })}
      />
      {error !== undefined && (
        <p id={`${id}-error`} class="mt-2 text-std-16N-170 text-error-1" data-testid="field-error">
          <span aria-hidden="true">＊</span>
          {error}
        </p>
      )}
    </div>
  );
}

export function AssetForm({ initial, systems, existing }: { initial: AssetFields; systems: LedgerSystem[]; existing?: Asset }) {
  const { t } = useI18n();
  const l = t.ledger;
  const f = l.fields;
  const [fields, setFields] = useState<AssetFields>(initial);
  const [ips, setIps] = useState(initial.ip_addresses.join('\n'));
  const [macs, setMacs] = useState(initial.mac_addresses.join('\n'));
  const [cpes, setCpes] = useState(initial.cpes.map((c) => c.cpe).join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof AssetFields>(key: K, value: AssetFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const text = (key: keyof AssetFields, help?: string, required?: boolean) => (
    <TextField
      id={key}
      label={f[key] ?? ''}
      value={fields[key] as string}
      onInput={(value) => set(key, value as never)}
      maxLength={200}
      error={errors[key]}
      {...(help === undefined ? {} : { help })}
      {...(required === true ? { required: true } : {})}
    />
  );

  const submit = (event: Event) => {
    event.preventDefault();
    if (fields.name.trim() === '') {
      setErrors({ name: l.fieldProblems['name'] ?? '' });
      setProblem(l.errorHeading);
      return;
    }
    const origins = new Map(initial.cpes.map((c) => [c.cpe, c.origin]));
    const body: AssetFields = {
      ...fields,
      ip_addresses: lines(ips),
      mac_addresses: lines(macs),
      cpes: lines(cpes).map((cpe) => ({ cpe, origin: origins.get(cpe) ?? 'manual' })),
    };
    setBusy(true);
    setProblem(null);
    const saved = existing === undefined ? createAsset(body) : updateAsset(existing.id, existing.version, body);
    saved.then(
      (asset) => navigate(`${ledgerPaths.detail(asset.id)}?saved=${existing === undefined ? 'created' : 'changed'}`),
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ProblemError && error.status === 409) {
          setProblem(l.stale);
          return;
        }
        if (error instanceof ProblemError && error.fields.length > 0) {
          const named: Record<string, string> = {};
          for (const problem of error.fields) {
            const field = fieldOf(problem.field);
            named[field] ??= l.fieldProblems[field] ?? l.fieldProblem(f[field] ?? '');
          }
          setErrors(named);
          setProblem(l.errorHeading);
          return;
        }
        setProblem(l.loadFailed);
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="asset-form" class="max-w-3xl">
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
        <legend class={h2Class}>{l.sections.basics}</legend>
        <SelectField id="asset_class" label={f['asset_class'] ?? ''} value={fields.asset_class} onChange={(value) => set('asset_class', value)} options={assetClasses.map((c) => ({ value: c, label: l.classes[c] ?? '' }))} error={errors['asset_class']} required />
        {text('name', l.help.name, true)}
      </fieldset>
      <fieldset class="mt-12">
        <legend class={h2Class}>{l.sections.place}</legend>
        {text('location', l.help.location)}
        {text('department')}
        {text('owner')}
        <SelectField
          id="system_id"
          label={f['system_id'] ?? ''}
          value={fields.system_id === null ? '' : String(fields.system_id)}
          onChange={(value) => set('system_id', value === '' ? null : Number(value))}
          placeholder={l.noSystem}
          options={systems.map((s) => ({ value: String(s.id), label: s.name, lang: 'ja' }))}
          error={errors['system_id']}
        />
        {fields.system_id === null && text('system_note')}
      </fieldset>
      <fieldset class="mt-12">
        <legend class={h2Class}>{l.sections.product}</legend>
        {text('manufacturer')}
        {text('model')}
        {text('serial')}
        {text('os_name')}
        {text('os_version')}
        {text('firmware_version')}
        <Lines id="cpes" label={f['cpes'] ?? ''} help={l.help.cpes} value={cpes} onInput={setCpes} error={errors['cpes']} />
      </fieldset>
      <fieldset class="mt-12">
        <legend class={h2Class}>{l.sections.network}</legend>
        <Lines id="ip_addresses" label={f['ip_addresses'] ?? ''} help={l.help.addresses} value={ips} onInput={setIps} error={errors['ip_addresses']} />
        <Lines id="mac_addresses" label={f['mac_addresses'] ?? ''} help={l.help.addresses} value={macs} onInput={setMacs} error={errors['mac_addresses']} />
        <div class="mt-6">
          <Checkbox id="internet_facing" checked={fields.internet_facing} onChange={(value) => set('internet_facing', value)} label={f['internet_facing']} help={l.help.internet_facing} />
          <Checkbox id="remote_maintenance" checked={fields.remote_maintenance} onChange={(value) => set('remote_maintenance', value)} label={f['remote_maintenance']} />
          <Checkbox id="vendor_managed" checked={fields.vendor_managed} onChange={(value) => set('vendor_managed', value)} label={f['vendor_managed']} />
        </div>
      </fieldset>
      <div class="mt-12">
        <label for="note" class="block text-std-16B-170 text-solid-gray-900">
          {f['note']}
        </label>
        <textarea id="note" name="note" rows={3} maxLength={2000} class={`${textareaClass} border-solid-gray-600 font-sans`} value={fields.note} onInput={(event) => set('note', (event.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      {existing !== undefined && existing.status === 'retired' && <WarningNotice>{l.retiredNotice}</WarningNotice>}
      <div class="mt-8 flex flex-wrap items-center gap-4">
        <SubmitButton class="" busy={busy} label={l.save} busyLabel={l.saving} />
        <button type="button" class={buttonClass} onClick={() => navigate(existing === undefined ? ledgerPaths.list : ledgerPaths.detail(existing.id))}>
          {l.cancel}
        </button>
      </div>
    </form>
  );
}
