// /systems/{id}/vendor-request: the institution asks the vendor of one system of its register to answer the
// 事業者確認用 form: fiscal year, due date, whether the MDS/SDS is wanted too, a message.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { buttonClass, Checkbox, h1Class, InfoNotice, leadClass, primaryButtonClass, SelectField } from '../account/ui';
import { DateField } from '../assessments/fields';
import { linkClass } from '../catalog/ui';
import { systemsPaths } from '../systems/routes';
import { loadSystem } from '../systems/systemsApi';
import { createRequest, currentFiscalYear, todayJst } from './api';
import { vendorPaths } from './routes';
import { Loading, Name } from './ui';

type Field = 'fiscal_year' | 'due_on' | 'message' | 'system';

export function RequestForm({ systemId }: { systemId: number }) {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const f = v.requestForm;
  const [resource] = useResource(`ask/${systemId}`, (signal) => loadSystem(systemId, signal));
  const thisYear = currentFiscalYear();
  const [fiscalYear, setFiscalYear] = useState(String(thisYear));
  const [dueOn, setDueOn] = useState('');
  const [asksDisclosure, setAsksDisclosure] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length > 0 || general !== null) summaryRef.current?.focus();
  }, [errors, general]);
  const submit = (event: Event) => {
    event.preventDefault();
    if (dueOn === '' || dueOn < todayJst()) {
      setGeneral(null);
      setErrors({ due_on: f.problems['due_on'] ?? '' });
      return;
    }
    setBusy(true);
    createRequest(systemId, { fiscal_year: Number(fiscalYear), due_on: dueOn, asks_disclosure: asksDisclosure, message: message.trim() }).then(
      (request) => navigate(`${vendorPaths.statusDetail(request.id)}?sent=1`),
      (error: unknown) => {
        setBusy(false);
        if (!(error instanceof ProblemError)) return setGeneral(v.saveFailed);
        const field = error.field();
        if (field === 'fiscal_year' && error.status === 400) return setErrors({ fiscal_year: f.problems['fiscal_year_edition'] ?? '' });
        if (field === 'system' || field === 'fiscal_year' || field === 'due_on' || field === 'message') {
          setGeneral(null);
          return setErrors({ [field]: f.problems[field] ?? v.saveFailed });
        }
        setGeneral(v.saveFailed);
      },
    );
  };
  const yearOptions = [thisYear, thisYear + 1].map((year) => ({ value: String(year), label: v.fiscalYear(year) }));
  return (
    <div data-testid="vendor-request-form">
      <p>
        <Link href={systemsPaths.detail(systemId)} class={linkClass}>
          {t.systemsRegister.back}
        </Link>
      </p>
      <h1 class={`${h1Class} mt-4`}>{f.title}</h1>
      {resource.state === 'loading' && <Loading />}
      {resource.state === 'error' && <InfoNotice testId="system-unavailable">{resource.error.status === 404 ? t.systemsRegister.notFound : v.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && (
        <form class="max-w-3xl" onSubmit={submit} noValidate>
          <p class={leadClass}>
            <Name text={f.lead(resource.data.name)} />
          </p>
          <div ref={summaryRef} tabIndex={-1}>
            {(Object.keys(errors).length > 0 || general !== null) && (
              <div role="alert" class="mt-6 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170" data-testid="request-problem">
                <p class="text-std-18B-160 text-error-1">{t.identity.formErrorHeading}</p>
                <ul class="mt-2 list-disc pl-6">
                  {general !== null && <li>{general}</li>}
                  {Object.entries(errors).map(([field, text]) => (
                    <li key={field}>{text}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <SelectField id="request-fiscal-year" label={f.fiscalYear} value={fiscalYear} onChange={setFiscalYear} options={yearOptions} required error={errors.fiscal_year} />
          <div class="mt-6">
            <DateField id="request-due" label={f.due} help={f.dueHelp} value={dueOn} onChange={setDueOn} min={todayJst()} required error={errors.due_on} />
          </div>
          <div class="mt-6">
            <Checkbox id="request-disclosure" label={f.asksDisclosure} checked={asksDisclosure} onChange={setAsksDisclosure} />
          </div>
          <div class="mt-6">
            <label for="request-message" class="block text-std-16B-170">
              {f.message}
            </label>
            <textarea
              id="request-message"
              rows={4}
              maxLength={2000}
              value={message}
              onInput={(event) => setMessage((event.currentTarget as HTMLTextAreaElement).value)}
              class={`mt-2 block w-full rounded-8 border bg-white px-4 py-2 text-std-16N-170 ${errors.message === undefined ? 'border-solid-gray-600' : 'border-2 border-error-1'}`}
            />
          </div>
          <div class="mt-8 flex flex-wrap gap-4">
            <button type="submit" class={primaryButtonClass} disabled={busy} data-testid="send-request">
              {busy ? f.sending : f.submit}
            </button>
            <Link href={systemsPaths.detail(systemId)} class={buttonClass}>
              {f.cancel}
            </Link>
          </div>
        </form>
      )}
    </div>
  );
}
