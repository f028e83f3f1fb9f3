// /vendor-status and /vendor-status/{id}: the institution's requests to vendors with their status (waiting
// and overdue ones marked), and one request: the answers as shared (any version), what changed since the
// version before, returning for correction with a reason, asking again, withdrawing, printing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { Link, useSearch } from '../../router';
import { buttonClass, cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, ConfirmBox, dangerButtonClass, h1Class, h2Class, InfoNotice, leadClass, primaryButtonClass, SelectField, SuccessNotice, WarningNotice } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { systemsPaths } from '../systems/routes';
import { actOn, loadInstitutionRequests, loadRequest, type RequestAction, type RequestDetail } from './api';
import { indexLines, lineKey, sectionsOf } from './form';
import { vendorPaths } from './routes';
import { AnswersTable, Loading, Name, PrintLinks, RequestFacts, RequestTimingCells, useLineText, useMoment } from './ui';
import { VersionHistory } from './VendorDetail';

export function InstitutionList() {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const i = v.institution;
  const c = v.columns;
  const [resource] = useResource('institution-vendor-requests', loadInstitutionRequests);
  return (
    <div data-testid="institution-vendor-requests">
      <h1 class={h1Class}>{i.title}</h1>
      <p class={leadClass}>{i.lead}</p>
      {resource.state === 'loading' && <Loading />}
      {resource.state === 'error' && <InfoNotice testId="status-unavailable">{resource.error.status === 404 || resource.error.status === 403 ? v.notInstitution : v.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && (
        <>
          <ul class="mt-6 flex flex-wrap gap-3" data-testid="status-counts">
            {(['outstanding', 'overdue', 'answered', 'returned', 'declined'] as const).map((key) => (
              <li key={key} class={`rounded-8 border-2 px-3 py-2 ${key === 'overdue' ? 'border-error-1 bg-red-50' : 'border-solid-gray-420 bg-white'}`}>
                <span class="text-std-16B-170">{key === 'outstanding' ? v.outstanding : key === 'overdue' ? v.overdue : (v.status[key] ?? '')}</span>
                <span class="ml-2 text-std-20B-150 tabular-nums" data-testid={`count-${key}`}>
                  {v.dashboard.count(resource.data.counts[key])}
                </span>
              </li>
            ))}
          </ul>
          {resource.data.requests.length === 0 ? (
            <InfoNotice testId="status-empty">
              {i.empty}{' '}
              <Link href={systemsPaths.list} class={linkClass}>
                {i.toSystems}
              </Link>
            </InfoNotice>
          ) : (
            <table class={`${cardTableClass} mt-6`} data-testid="status-table">
              <thead class={cardHeadClass}>
                <tr class="border-b-2 border-solid-gray-600">
                  <th scope="col" class="px-2 py-2">{c.system}</th>
                  <th scope="col" class="px-2 py-2">{t.vendorRequests.detail.vendor}</th>
                  <th scope="col" class="px-2 py-2">{c.fiscalYear}</th>
                  <th scope="col" class="px-2 py-2">{c.due}</th>
                  <th scope="col" class="px-2 py-2">{c.status}</th>
                </tr>
              </thead>
              <tbody class="block md:table-row-group">
                {resource.data.requests.map((request) => (
                  <tr key={request.id} class={`${cardRowClass} ${request.overdue ? 'bg-red-50' : ''}`} data-testid={`status-${request.id}`}>
                    <td class={`${cardCellClass} font-bold`}>
                      <CellLabel>{c.system}</CellLabel>
                      <Link href={vendorPaths.statusDetail(request.id)} class={linkClass}>
                        <Name text={request.system.name} />
                      </Link>
                    </td>
                    <td class={cardCellClass}>
                      <CellLabel>{t.vendorRequests.detail.vendor}</CellLabel>
                      <Name text={request.vendor.name} />
                    </td>
                    <RequestTimingCells request={request} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

function Actions({ request, canWrite, onDone }: { request: RequestDetail; canWrite: boolean; onDone: (text: string) => void }) {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const i = v.institution;
  const [open, setOpen] = useState<RequestAction | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem !== null) problemRef.current?.focus();
  }, [problem]);
  if (!canWrite) return <InfoNotice testId="read-only">{i.readOnly}</InfoNotice>;
  if (request.status === 'withdrawn') return null;
  const run = (action: RequestAction, done: string) => {
    if (action === 'return_for_correction' && reason.trim() === '') return setReasonError(v.detail.reasonNeeded);
    setBusy(true);
    actOn(request.id, action, reason.trim(), request.version).then(
      () => {
        setBusy(false);
        setOpen(null);
        onDone(done);
      },
      (error: unknown) => {
        setBusy(false);
        setOpen(null);
        setProblem(error instanceof ProblemError && error.status === 409 ? (error.field() === 'status' ? v.detail.notAllowed : v.stale) : v.saveFailed);
      },
    );
  };
  const canReturn = request.status === 'answered';
  // The request's state machine (src/vendors/vendor_request.cpp): ask again after a decline only.
  const canAskAgain = request.status === 'declined';
  return (
    <section class="mt-10" data-testid="institution-actions">
      <h2 class={h2Class}>{i.actions}</h2>
      <div ref={problemRef} tabIndex={-1}>
        {problem !== null && (
          <WarningNotice testId="action-problem">
            <p role="alert">{problem}</p>
          </WarningNotice>
        )}
      </div>
      <div class="mt-4 flex flex-wrap items-start gap-4">
        {canReturn &&
          (open === 'return_for_correction' ? (
            <ConfirmBox class="w-full max-w-xl rounded-8 border-2 border-yellow-700 bg-yellow-50 p-4" label={i.returnForCorrection} testId="return-confirm" message="" confirmClass={primaryButtonClass} onConfirm={() => run('return_for_correction', i.returned)} onCancel={() => setOpen(null)} busy={busy}>
              <label for="return-reason" class="block text-std-16B-170">
                {i.returnReason}
              </label>
              <p id="return-reason-help" class="text-dns-14N-130 text-solid-gray-700">
                {i.returnHelp}
              </p>
              <textarea
                id="return-reason"
                rows={3}
                maxLength={1000}
                value={reason}
                onInput={(event) => {
                  setReason((event.currentTarget as HTMLTextAreaElement).value);
                  setReasonError(null);
                }}
                aria-describedby={reasonError === null ? 'return-reason-help' : 'return-reason-help return-reason-error'}
                {...(reasonError === null ? {} : { 'aria-invalid': true })}
                class={`mt-1 block w-full rounded-8 border bg-white px-3 py-2 text-std-16N-170 ${reasonError === null ? 'border-solid-gray-600' : 'border-2 border-error-1'}`}
              />
              {reasonError !== null && (
                <p id="return-reason-error" role="alert" class="mt-1 text-std-16N-170 text-error-1">
                  {reasonError}
                </p>
              )}
            </ConfirmBox>
          ) : (
            <button type="button" class={primaryButtonClass} onClick={() => setOpen('return_for_correction')} data-testid="return">
              {i.returnForCorrection}
            </button>
          ))}
        {canAskAgain && open === null && (
          <button type="button" class={buttonClass} onClick={() => run('ask_again', i.askedAgain)} disabled={busy} data-testid="ask-again">
            {i.askAgain}
          </button>
        )}
        {open === 'withdraw' ? (
          <ConfirmBox class="w-full max-w-xl rounded-8 border-2 border-red-900 bg-red-50 p-4" label={i.withdraw} testId="withdraw-confirm" message={i.withdrawQuestion} confirmClass={dangerButtonClass} onConfirm={() => run('withdraw', i.withdrawn)} onCancel={() => setOpen(null)} busy={busy} />
        ) : (
          open === null && (
            <button type="button" class="inline-flex min-h-11 items-center justify-center rounded-8 border border-red-900 bg-white px-4 text-dns-16B-120 text-red-900 hover:bg-red-50 hover:underline" onClick={() => setOpen('withdraw')} data-testid="withdraw">
              {i.withdraw}
            </button>
          )
        )}
      </div>
    </section>
  );
}

function Answers({ request, version, onVersion }: { request: RequestDetail; version: number; onVersion: (n: number) => void }) {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const i = v.institution;
  const moment = useMoment();
  const lineText = useLineText();
  const sections = sectionsOf(request.form_json);
  const marked = new Map(
    request.changes.map((change) => [
      lineKey(change.canonical_id, change.row_key),
      (
        <span>
          {i.before}：{lineText(change.before)} → {i.after}：{lineText(change.after)}
        </span>
      ),
    ]),
  );
  const oldest = version === request.versions[request.versions.length - 1]?.version;
  return (
    <section class="mt-10">
      <h2 class={h2Class}>{i.answers}</h2>
      {request.versions.length > 1 && (
        <SelectField
          id="version-chooser"
          label={i.versionChooser}
          value={String(version)}
          onChange={(value) => onVersion(Number(value))}
          options={request.versions.map((shared) => ({ value: String(shared.version), label: i.versionOption(shared.version, moment(shared.shared_at)) }))}
          class="mt-4 max-w-md"
        />
      )}
      <h3 class="mt-6 text-std-18B-160">{i.changes}</h3>
      <p class="mt-1 text-std-16N-170" data-testid="changes-summary">
        {oldest ? i.firstVersion : request.changes.length === 0 ? i.noChanges : i.changesCount(request.changes.length)}
      </p>
      <AnswersTable sections={sections} answers={indexLines(request.answers)} marked={oldest ? new Map() : marked} markLabel={i.changed} testId="shared-answers" />
    </section>
  );
}

export function InstitutionDetail({ id }: { id: number }) {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const search = useSearch();
  const [version, setVersion] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(new URLSearchParams(search).get('sent') === null ? null : v.requestForm.sent);
  const [resource] = useResource(`institution-request/${id}/${version ?? 'latest'}#${attempt}`, (signal) =>
    Promise.all([loadRequest(id, version, signal), loadInstitutionRequests(signal).then((list) => list.can_write)]),
  );
  return (
    <div data-testid="institution-request-detail">
      <p>
        <Link href={vendorPaths.status} class={linkClass}>
          {v.detail.backInstitution}
        </Link>
      </p>
      {resource.state === 'loading' && <Loading />}
      {resource.state === 'error' && <InfoNotice testId="request-unavailable">{resource.error.status === 404 ? v.notFound : v.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && (
        <>
          <h1 class={`${h1Class} mt-4`}>
            <Name text={resource.data[0].system.name} />
          </h1>
          {notice !== null && <SuccessNotice testId="detail-notice">{notice}</SuccessNotice>}
          <RequestFacts request={resource.data[0]} side="institution" />
          <Actions
            request={resource.data[0]}
            canWrite={resource.data[1]}
            onDone={(text) => {
              setNotice(text);
              setAttempt((n) => n + 1);
            }}
          />
          {resource.data[0].versions.length === 0 ? (
            <InfoNotice testId="waiting">{v.institution.waiting}</InfoNotice>
          ) : (
            <Answers request={resource.data[0]} version={version ?? resource.data[0].versions[0]?.version ?? 0} onVersion={setVersion} />
          )}
          <VersionHistory request={resource.data[0]} />
          {resource.data[0].versions.length > 0 && <PrintLinks id={id} version={version} />}
        </>
      )}
    </div>
  );
}
