// /vendor/requests/{id}: one request as the vendor sees it: the institution, system and status, the versions
// shared so far, the answers the next share gives (the product's with this customer's own changes, marked),
// changing single rows for this customer only, sharing with this one, declining with a reason, printing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { ProblemError } from '../../auth/request';
import { langOf, useI18n } from '../../i18n';
import { Link } from '../../router';
import { buttonClass, ConfirmBox, dangerButtonClass, h1Class, h2Class, InfoNotice, primaryButtonClass, SelectField, SuccessNotice, WarningNotice } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { actOn, loadProducts, loadVendorRequest, saveOverrides, shareProduct, type AnswerLine, type ProductList, type VendorRequestDetail } from './api';
import { emptyLine, indexLines, lineKey, sectionsOf, type FormItem, type FormRow } from './form';
import { LineEditor } from './LineEditor';
import { vendorPaths } from './routes';
import { AnswersTable, Loading, Name, PrintLinks, reasonText, RequestFacts, shareProblem, useMoment } from './ui';

export function VersionHistory({ request }: { request: Pick<VendorRequestDetail, 'versions'> }) {
  const { t } = useI18n();
  const d = t.vendorRequests.detail;
  const moment = useMoment();
  return (
    <section class="mt-10">
      <h2 class={h2Class}>{d.history}</h2>
      {request.versions.length === 0 ? (
        <p class="mt-3 text-std-16N-170" data-testid="no-versions">{d.historyEmpty}</p>
      ) : (
        <ul class="mt-3 space-y-1 text-std-16N-170" data-testid="versions">
          {request.versions.map((version) => (
            <li key={version.version}>
              <Name text={d.versionLine(version.version, moment(version.shared_at), version.shared_by_name)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReasonBox({ id, label, help, value, onInput, error }: { id: string; label: string; help: string; value: string; onInput: (v: string) => void; error: string | null }) {
  return (
    <div class="mt-3">
      <label for={id} class="block text-std-16B-170">
        {label}
      </label>
      <p id={`${id}-help`} class="text-dns-14N-130 text-solid-gray-700">
        {help}
      </p>
      <textarea
        id={id}
        rows={3}
        maxLength={1000}
        value={value}
        onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
        class={`mt-1 block w-full rounded-8 border bg-white px-3 py-2 text-std-16N-170 ${error === null ? 'border-solid-gray-600' : 'border-2 border-error-1'}`}
        aria-describedby={error === null ? `${id}-help` : `${id}-help ${id}-error`}
        {...(error === null ? {} : { 'aria-invalid': true })}
      />
      {error !== null && (
        <p id={`${id}-error`} role="alert" class="mt-1 text-std-16N-170 text-error-1">
          {error}
        </p>
      )}
    </div>
  );
}

function Detail({ request, products, onChanged }: { request: VendorRequestDetail; products: ProductList; onChanged: (notice: string) => void }) {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const d = v.detail;
  const sections = sectionsOf(request.form_json);
  const effective = indexLines(request.effective_answers);
  const overrides = indexLines(request.overrides);
  const [editing, setEditing] = useState<{ key: string; line: AnswerLine } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sharing, setSharing] = useState(false);
  const [product, setProduct] = useState(request.product === null ? (products.products.length === 1 ? String(products.products[0]?.id) : '') : String(request.product.id));
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem !== null) problemRef.current?.focus();
  }, [problem]);
  // The row editor opens above the table: take the keyboard there.
  const editingKey = editing?.key ?? null;
  useEffect(() => {
    if (editingKey !== null) editorRef.current?.querySelector('button')?.focus();
  }, [editingKey]);
  const canAct = products.can_write && request.status !== 'withdrawn' && request.status !== 'declined';
  const failed = (error: unknown) => {
    setBusy(false);
    if (error instanceof ProblemError && error.status === 409) setProblem(error.field() === 'status' ? d.notAllowed : v.stale);
    else setProblem(v.saveFailed);
  };
  const putOverrides = (next: Map<string, AnswerLine>) => {
    setBusy(true);
    saveOverrides(request.id, request.version, [...next.values()]).then(() => {
      setBusy(false);
      setEditing(null);
      onChanged(d.overrideSaved);
    }, failed);
  };
  const share = () => {
    setBusy(true);
    shareProduct(Number(product), request.fiscal_year, { request_ids: [request.id] }).then((result) => {
      setBusy(false);
      setSharing(false);
      const shared = result.shared[0];
      const refused = result.refused[0];
      if (shared !== undefined) onChanged(d.sharedNow(shared.version));
      else if (refused !== undefined) setProblem(d.refusedNow(reasonText(t, refused.reason)));
      else onChanged(d.unchangedNow);
    }, (error: unknown) => {
      setBusy(false);
      setSharing(false);
      setProblem(shareProblem(t, error));
    });
  };
  const decline = () => {
    if (reason.trim() === '') return setReasonError(d.reasonNeeded);
    setBusy(true);
    actOn(request.id, 'decline', reason.trim(), request.version).then(() => {
      setBusy(false);
      setDeclining(false);
      onChanged(d.declined);
    }, failed);
  };
  const rowActions = (item: FormItem, row: FormRow) => {
    if (!canAct) return null;
    const key = lineKey(item.canonical_id, row.key);
    return (
      <span class="flex flex-col items-start gap-1">
        <button type="button" class={buttonClass} onClick={() => setEditing({ key, line: overrides.get(key) ?? effective.get(key) ?? emptyLine(item.canonical_id, row.key) })} data-testid="override-row">
          {d.override}
        </button>
        {overrides.has(key) && (
          <button
            type="button"
            class="min-h-11 text-std-16N-170 text-blue-1000 underline"
            onClick={() => {
              const next = new Map(overrides);
              next.delete(key);
              putOverrides(next);
            }}
            data-testid="remove-override"
          >
            {d.removeOverride}
          </button>
        )}
      </span>
    );
  };
  const editingRow = editing === null ? null : sections.flatMap((s) => s.items.flatMap((item) => item.rows.map((row) => ({ item, row })))).find(({ item, row }) => lineKey(item.canonical_id, row.key) === editing.key);
  return (
    <>
      <RequestFacts request={request} side="vendor" />
      <div ref={problemRef} tabIndex={-1}>
        {problem !== null && (
          <WarningNotice testId="detail-problem">
            <p role="alert">{problem}</p>
          </WarningNotice>
        )}
      </div>
      {canAct && (
        <div class="mt-8 flex flex-wrap items-start gap-4">
          {sharing ? (
            <ConfirmBox class="max-w-xl rounded-8 border-2 border-blue-900 bg-blue-50 p-4" label={d.share} testId="share-confirm" message={d.shareConfirm} confirmClass={primaryButtonClass} onConfirm={share} onCancel={() => setSharing(false)} busy={busy || product === ''}>
              <SelectField id="share-product" label={d.shareChooseProduct} value={product} onChange={setProduct} placeholder={v.list.chooseProductPlaceholder} options={products.products.map((p) => ({ value: String(p.id), label: p.name, lang: langOf(p.name) }))} class="mt-3" />
            </ConfirmBox>
          ) : (
            <button type="button" class={primaryButtonClass} onClick={() => setSharing(true)} data-testid="share-one">
              {d.share}
            </button>
          )}
          {(request.status === 'requested' || request.status === 'returned') && (declining ? (
            <ConfirmBox class="max-w-xl rounded-8 border-2 border-red-900 bg-red-50 p-4" label={d.declineConfirm} testId="decline-confirm" message="" confirmClass={dangerButtonClass} onConfirm={decline} onCancel={() => setDeclining(false)} busy={busy}>
              <ReasonBox
                id="decline-reason"
                label={d.declineReason}
                help={d.declineHelp}
                value={reason}
                onInput={(text) => {
                  setReason(text);
                  setReasonError(null);
                }}
                error={reasonError}
              />
            </ConfirmBox>
          ) : (
            <button type="button" class="inline-flex min-h-11 items-center justify-center rounded-8 border border-red-900 bg-white px-4 text-dns-16B-120 text-red-900 hover:bg-red-50 hover:underline" onClick={() => setDeclining(true)} data-testid="decline">
              {d.decline}
            </button>
          ))}
        </div>
      )}
      <section class="mt-10">
        <h2 class={h2Class}>{d.effective}</h2>
        <p class="mt-2 text-std-16N-170">{d.effectiveLead}</p>
        <p class="mt-1 text-std-16N-170 text-solid-gray-800" data-testid="product-version">
          {request.product_answers_version > 0 ? d.productVersion(request.product_answers_version) : d.noProductAnswers}
        </p>
        {editing !== null && editingRow !== undefined && editingRow !== null && (
          <div ref={editorRef} class="mt-4 rounded-8 border-2 border-blue-900 bg-blue-50 p-4" role="group" aria-label={d.override} data-testid="override-editor">
            <p class="mb-3 text-std-16B-170">
              {editingRow.item.number} <span lang="ja">{editingRow.item.text_ja}</span>
            </p>
            <LineEditor id="override" item={editingRow.item} row={editingRow.row} line={editing.line} onChange={(line) => setEditing({ ...editing, line })} />
            <div class="mt-4 flex flex-wrap gap-3">
              <button type="button" class={primaryButtonClass} disabled={busy} onClick={() => putOverrides(new Map(overrides).set(editing.key, editing.line))} data-testid="save-override">
                {d.saveOverride}
              </button>
              <button type="button" class={buttonClass} onClick={() => setEditing(null)}>
                {d.cancel}
              </button>
            </div>
          </div>
        )}
        <AnswersTable sections={sections} answers={effective} marked={new Map([...overrides.keys()].map((key) => [key, true]))} markLabel={d.overrideBadge} extra={canAct ? rowActions : undefined} testId="effective-answers" />
      </section>
      <VersionHistory request={request} />
      {request.latest_version > 0 && <PrintLinks id={request.id} version={null} />}
    </>
  );
}

export function VendorDetail({ id }: { id: number }) {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [resource] = useResource(`vendor-request/${id}#${attempt}`, (signal) => Promise.all([loadVendorRequest(id, signal), loadProducts(signal)]));
  return (
    <div data-testid="vendor-request-detail">
      <p>
        <Link href={vendorPaths.list} class={linkClass}>
          {v.detail.back}
        </Link>
      </p>
      {resource.state === 'loading' && <Loading />}
      {resource.state === 'error' && <InfoNotice testId="request-unavailable">{resource.error.status === 404 ? v.notFound : v.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && (
        <>
          <h1 class={`${h1Class} mt-4`}>
            <Name text={`${resource.data[0].institution.name}　${resource.data[0].system.name}`} />
          </h1>
          {notice !== null && <SuccessNotice testId="detail-notice">{notice}</SuccessNotice>}
          <Detail
            key={`${resource.data[0].version}/${resource.data[0].latest_version}/${attempt}`}
            request={resource.data[0]}
            products={resource.data[1]}
            onChanged={(text) => {
              setNotice(text);
              setAttempt((n) => n + 1);
            }}
          />
        </>
      )}
    </div>
  );
}
