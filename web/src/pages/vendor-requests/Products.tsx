// /vendor/products: the vendor's products, each with its answer sets by fiscal year (how far answered, when
// saved) and a way to open or start one; registering a new product.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { ProblemError } from '../../auth/request';
import { langOf, useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { h1Class, h2Class, InfoNotice, leadClass, primaryButtonClass, SelectField, SuccessNotice, TextField } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { createProduct, currentFiscalYear, loadProducts, type Product } from './api';
import { vendorPaths } from './routes';
import { Loading, useMoment } from './ui';

function ProductCard({ product, canWrite }: { product: Product; canWrite: boolean }) {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const p = v.products;
  const moment = useMoment();
  const thisYear = currentFiscalYear();
  const years = [thisYear, thisYear + 1, thisYear - 1].filter((candidate) => !product.answer_sets.some((set) => set.fiscal_year === candidate));
  const [year, setYear] = useState(String(years[0] ?? thisYear));
  return (
    <li class="rounded-8 border border-solid-gray-420 bg-white p-4" data-testid={`product-${product.id}`}>
      <h3 class="text-std-18B-160" lang={langOf(product.name)}>
        {product.name}
      </h3>
      {product.note !== '' && <p class="mt-1 text-std-16N-170 text-solid-gray-800" lang={langOf(product.note)}>{product.note}</p>}
      <p class="mt-1 text-dns-14N-130 text-solid-gray-700">{p.systems(product.systems)}</p>
      {product.answer_sets.length === 0 ? (
        <p class="mt-3 text-std-16N-170">{p.noAnswers}</p>
      ) : (
        <ul class="mt-3 space-y-2 text-std-16N-170">
          {product.answer_sets.map((set) => (
            <li key={set.fiscal_year} class="flex flex-wrap items-center gap-x-4 gap-y-1" data-testid={`answer-set-${set.fiscal_year}`}>
              <span class="font-bold">{v.fiscalYear(set.fiscal_year)}</span>
              <span>{v.editor.version(set.version)}</span>
              <span>{p.answerSet(set.answered, set.total)}</span>
              <span class="text-solid-gray-700">{p.savedAt(moment(set.updated_at))}</span>
              <Link href={vendorPaths.answers(product.id, set.fiscal_year)} class={linkClass}>
                {p.edit}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {canWrite && years.length > 0 && (
        <div class="mt-4 flex flex-wrap items-end gap-4">
          <SelectField
            id={`new-year-${product.id}`}
            label={p.newAnswers}
            value={year}
            onChange={setYear}
            options={[...years].sort().map((candidate) => ({ value: String(candidate), label: v.fiscalYear(candidate) }))}
            class="w-56"
          />
          <button type="button" class={primaryButtonClass} onClick={() => navigate(vendorPaths.answers(product.id, Number(year)))} data-testid={`start-answers-${product.id}`}>
            {p.start}
          </button>
        </div>
      )}
    </li>
  );
}

function NewProduct({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const p = t.vendorRequests.products;
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error !== undefined) nameRef.current?.querySelector('input')?.focus();
  }, [error]);
  return (
    <form
      class="mt-6 max-w-xl"
      data-testid="new-product"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() === '') return setError(p.nameNeeded);
        setBusy(true);
        createProduct(name.trim(), note.trim()).then(
          () => {
            setBusy(false);
            setName('');
            setNote('');
            setError(undefined);
            onCreated();
          },
          (problem: unknown) => {
            setBusy(false);
            setError(problem instanceof ProblemError && problem.status === 409 ? p.nameTaken : t.vendorRequests.saveFailed);
          },
        );
      }}
    >
      <h2 class={h2Class}>{p.add}</h2>
      <div ref={nameRef}>
        <TextField id="product-name" label={p.name} value={name} onInput={setName} required maxLength={100} error={error} />
      </div>
      <TextField id="product-note" label={p.note} value={note} onInput={setNote} maxLength={500} />
      <p class="mt-6">
        <button type="submit" class={primaryButtonClass} disabled={busy} data-testid="create-product">
          {p.create}
        </button>
      </p>
    </form>
  );
}

export function Products() {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const p = v.products;
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState(false);
  const [resource] = useResource(`vendor-products#${attempt}`, loadProducts);
  return (
    <div data-testid="vendor-products">
      <h1 class={h1Class}>{p.title}</h1>
      <p class={leadClass}>{p.lead}</p>
      {created && <SuccessNotice testId="product-created">{p.created}</SuccessNotice>}
      {resource.state === 'loading' && <Loading />}
      {resource.state === 'error' && <InfoNotice testId="products-unavailable">{resource.error.status === 404 || resource.error.status === 403 ? v.notVendor : v.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && (
        <>
          {!resource.data.can_write && <InfoNotice testId="read-only">{p.readOnly}</InfoNotice>}
          {resource.data.products.length === 0 ? (
            <InfoNotice testId="products-empty">{p.empty}</InfoNotice>
          ) : (
            <ul class="mt-6 space-y-4" data-testid="product-list">
              {resource.data.products.map((product) => (
                <ProductCard key={product.id} product={product} canWrite={resource.data.can_write} />
              ))}
            </ul>
          )}
          {resource.data.can_write && (
            <NewProduct
              onCreated={() => {
                setCreated(true);
                setAttempt((n) => n + 1);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
