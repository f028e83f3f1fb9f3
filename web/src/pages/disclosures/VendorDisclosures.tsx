// /vendor/disclosures: the vendor's products, each with its current MDS and SDS, the form to register a new
// one, and every upload so far (a wrong one can be withdrawn with a reason).
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { formatJst } from '../../auth/format';
import { useI18n } from '../../i18n';
import { buttonClass, cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, ConfirmBox, dangerButtonClass, h1Class, h2Class, InfoNotice, leadClass, SuccessNotice, TextField } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { disclosureFiles, loadVendorDisclosures, withdrawDisclosure, type Disclosure, type ProductDisclosures } from './disclosuresApi';
import { StateBadge, useDisclosureText } from './ui';
import { UploadForm } from './UploadForm';

function Current({ disclosure, kind }: { disclosure: Disclosure | null; kind: 'mds' | 'sds' }) {
  const { t } = useI18n();
  const v = t.vendorDisclosures;
  const text = useDisclosureText();
  return (
    <div class="flex flex-wrap items-center gap-2" data-testid={`current-${kind}`}>
      <span class="font-bold">{v.kindShort[kind]}</span>
      {disclosure === null ? (
        <span>{v.notRegistered}</span>
      ) : (
        <>
          <span>{text(disclosure).slice((v.kindShort[kind] ?? '').length + 1)}</span>
          <StateBadge state={disclosure.state} label={v.states[disclosure.state] ?? ''} />
          <a href={disclosureFiles.vendor(disclosure.id)} class={linkClass} download aria-label={v.downloadOf(text(disclosure))}>
            {v.download}
          </a>
        </>
      )}
    </div>
  );
}

function Withdraw({ disclosure, onDone }: { disclosure: Disclosure; onDone: () => void }) {
  const { t } = useI18n();
  const v = t.vendorDisclosures;
  const text = useDisclosureText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button type="button" class={buttonClass} onClick={() => setOpen(true)} aria-label={v.withdrawOf(text(disclosure))}>
        {v.withdraw}
      </button>
    );
  const confirm = () => {
    if (reason.trim() === '') {
      setError(v.fieldProblems['reason']);
      return;
    }
    setBusy(true);
    withdrawDisclosure(disclosure.id, reason).then(onDone, () => {
      setBusy(false);
      setError(v.failed);
    });
  };
  return (
    <ConfirmBox class="mt-2" label={v.withdraw} testId={`withdraw-${disclosure.id}`} message={v.withdrawQuestion} confirmClass={dangerButtonClass} onConfirm={confirm} onCancel={() => setOpen(false)} busy={busy}>
      <TextField id={`reason-${disclosure.id}`} label={v.withdrawReason} value={reason}
        onInput={(value) => {
          setReason(value);
          setError(undefined);
        }} maxLength={1000} error={error} class="mt-3" />
    </ConfirmBox>
  );
}

function History({ product, onChanged, canWrite }: { product: ProductDisclosures; onChanged: (notice: string) => void; canWrite: boolean }) {
  const { t, language } = useI18n();
  const v = t.vendorDisclosures;
  const c = v.historyColumns;
  const text = useDisclosureText();
  return (
    <table class={`${cardTableClass} mt-4`} data-testid={`history-${product.id}`}>
      <caption class="sr-only">{`${product.name} ${v.historyHeading}`}</caption>
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{c.kind}</th>
          <th scope="col" class="px-2 py-2">{c.version}</th>
          <th scope="col" class="px-2 py-2">{c.uploaded}</th>
          <th scope="col" class="px-2 py-2">{c.state}</th>
          <th scope="col" class="whitespace-nowrap px-2 py-2">{c.actions}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {product.history.map((d) => (
          <tr key={d.id} class={cardRowClass} data-testid={`upload-${d.id}`}>
            <td class={cardCellClass}>
              <CellLabel>{c.kind}</CellLabel>
              {v.kindShort[d.kind]}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.version}</CellLabel>
              <a href={disclosureFiles.vendor(d.id)} class={linkClass} download>
                {text(d).slice((v.kindShort[d.kind] ?? '').length + 1)}
              </a>
            </td>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{c.uploaded}</CellLabel>
              {v.uploadedBy(formatJst(d.uploaded_at, language), d.uploaded_by_name)}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.state}</CellLabel>
              <span>
                <StateBadge state={d.state} label={v.states[d.state] ?? ''} />
                {d.withdrawn_reason !== null && <span class="ml-2">{v.withdrawnReason(d.withdrawn_reason)}</span>}
              </span>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.actions}</CellLabel>
              {canWrite && d.state !== 'withdrawn' ? <Withdraw disclosure={d} onDone={() => onChanged(v.withdrawn)} /> : <span>―</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function VendorDisclosures() {
  const { t } = useI18n();
  const v = t.vendorDisclosures;
  const [list, reload] = useResource('vendor-disclosures', loadVendorDisclosures);
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message: string) => {
    setNotice(message);
    reload();
  };
  return (
    <div data-testid="vendor-disclosures-page">
      <h1 class={h1Class}>{v.vendorTitle}</h1>
      <p class={leadClass}>{v.vendorLead}</p>
      {notice !== null && <SuccessNotice testId="notice">{notice}</SuccessNotice>}
      {list.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{v.loading}</p>}
      {list.state === 'error' && <InfoNotice testId="disclosures-unavailable">{list.error.status === 404 ? v.notVendor : v.loadFailed}</InfoNotice>}
      {list.state === 'ready' && (
        <>
          {!list.data.can_write && <InfoNotice testId="read-only">{v.readOnly}</InfoNotice>}
          {list.data.products.length === 0 && <InfoNotice testId="no-products">{v.noProducts}</InfoNotice>}
          {list.data.products.map((product) => (
            <section key={product.id} class="mt-12" aria-labelledby={`product-${product.id}`} data-testid={`product-${product.id}`}>
              <h2 id={`product-${product.id}`} class={h2Class}>
                {product.name}
              </h2>
              <p class="mt-1 text-std-16N-170 text-solid-gray-700">{v.usedBy(product.systems)}</p>
              <div class="mt-4 grid gap-2">
                <Current disclosure={product.mds} kind="mds" />
                <Current disclosure={product.sds} kind="sds" />
              </div>
              {list.data.can_write && <UploadForm productId={product.id} productName={product.name} onUploaded={() => changed(v.uploaded)} />}
              {product.history.length > 0 && (
                <>
                  <h3 class="mt-8 text-std-18B-160 text-solid-gray-900">{v.historyHeading}</h3>
                  <History product={product} onChanged={changed} canWrite={list.data.can_write} />
                </>
              )}
            </section>
          ))}
        </>
      )}
    </div>
  );
}
