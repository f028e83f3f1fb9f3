// The vendor's form to register an MDS or SDS of one product: kind, version as printed, date of issue, file,
// note. The server's rules are the ones that count; its field errors are shown by the fields.
import { useState } from 'preact/hooks';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { SelectField, SubmitButton, TextField } from '../account/ui';
import { uploadDisclosure, type DisclosureKind } from './disclosuresApi';
import { DateInput, todayInJapan } from './ui';

export function UploadForm({ productId, productName, onUploaded }: { productId: number; productName: string; onUploaded: () => void }) {
  const { t } = useI18n();
  const v = t.vendorDisclosures;
  const [kind, setKind] = useState<DisclosureKind>('mds');
  const [label, setLabel] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `${field}-${productId}`;

  const submit = (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (label.trim() === '') local['version_label'] = v.fieldProblems['version_label'] ?? '';
    if (issuedOn === '') local['issued_on'] = v.fieldProblems['issued_on'] ?? '';
    if (file === null) local['file'] = v.fieldProblems['file'] ?? '';
    setErrors(local);
    if (Object.keys(local).length > 0 || file === null) {
      setProblem(v.errorHeading);
      return;
    }
    setBusy(true);
    setProblem(null);
    uploadDisclosure(productId, { kind, version_label: label, issued_on: issuedOn, note, file }).then(
      () => {
        setBusy(false);
        onUploaded();
      },
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ProblemError && (error.fields.length > 0 || error.status === 413)) {
          const named: Record<string, string> = {};
          for (const field of error.fields) named[field.field] = v.fieldProblems[field.field] ?? v.errorHeading;
          if (error.status === 413) named['file'] = v.fieldProblems['file'] ?? '';
          setErrors(named);
          setProblem(v.errorHeading);
          return;
        }
        setProblem(v.failed);
      },
    );
  };

  return (
    <details class="mt-6 max-w-3xl rounded-8 border border-solid-gray-420 p-4 md:p-6" data-testid={`upload-${productId}`}>
      <summary class="min-h-11 cursor-pointer text-std-18B-160 text-blue-1000 underline underline-offset-2">{v.uploadHeading}</summary>
      <form onSubmit={submit} noValidate data-testid={`upload-form-${productId}`} aria-label={`${productName} ${v.uploadHeading}`}>
        {problem !== null && (
          <div role="alert" data-testid="form-problem" class="mt-4 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170 text-solid-gray-900">
            <p>{problem}</p>
            {Object.keys(errors).length > 0 && (
              <ul class="mt-2 list-disc pl-6">
                {Object.entries(errors).map(([field, message]) => (
                  <li key={field}>{message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <SelectField
          id={id('kind')}
          label={v.fields['kind'] ?? ''}
          value={kind}
          onChange={(value) => setKind(value === 'sds' ? 'sds' : 'mds')}
          options={[
            { value: 'mds', label: v.kinds['mds'] ?? '' },
            { value: 'sds', label: v.kinds['sds'] ?? '' },
          ]}
          error={errors['kind']}
        />
        <TextField id={id('version_label')} label={v.fields['version_label'] ?? ''} help={v.versionHelp} value={label} onInput={setLabel} maxLength={40} error={errors['version_label']} />
        <DateInput id={id('issued_on')} label={v.fields['issued_on'] ?? ''} value={issuedOn} onInput={setIssuedOn} error={errors['issued_on']} max={todayInJapan()} />
        <div class="mt-6">
          <label for={id('file')} class="block text-std-16B-170 text-solid-gray-900">
            {v.fields['file']}
          </label>
          <p id={`${id('file')}-help`} class="mt-1 text-std-16N-170 text-solid-gray-700">
            {v.fileHelp}
          </p>
          <input
            id={id('file')}
            type="file"
            accept=".pdf,.xlsx,.docx,application/pdf"
            class="mt-2 block text-std-16N-170"
            aria-describedby={errors['file'] === undefined ? `${id('file')}-help` : `${id('file')}-help ${id('file')}-error`}
            onChange={(event) => setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null)}
          />
          {errors['file'] !== undefined && (
            <p id={`${id('file')}-error`} class="mt-2 text-std-16N-170 text-error-1" data-testid="field-error">
              <span aria-hidden="true">＊</span>
              {errors['file']}
            </p>
          )}
        </div>
        <TextField id={id('note')} label={v.fields['note'] ?? ''} value={note} onInput={setNote} maxLength={1000} error={errors['note']} />
        <div class="mt-6">
          <SubmitButton busy={busy} label={v.upload} busyLabel={v.uploading} />
        </div>
      </form>
    </details>
  );
}
