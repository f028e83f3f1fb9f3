// /vendor/requests: every request addressed to the vendor, filtered (product, status, institution, due
// dates, overdue, search; the filters live in the address), 50 a page; select some, or every outstanding one,
// and apply a product's answers to them after a confirmation naming how many institutions receive them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { langOf, useI18n } from '../../i18n';
import { Link, navigate, useSearch } from '../../router';
import { buttonClass, cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, Checkbox, ConfirmBox, h1Class, InfoNotice, leadClass, primaryButtonClass, SelectField, TextField } from '../account/ui';
import { DateField } from '../assessments/fields';
import { linkClass } from '../catalog/ui';
import { currentFiscalYear, loadVendorRequests, shareProduct, type ShareResult, type ShareTarget, type VendorList, type VendorRequest } from './api';
import { vendorPaths } from './routes';
import { Loading, Name, reasonText, shareProblem, RequestTimingCells } from './ui';

const filterKeys = ['product_id', 'status', 'institution_id', 'due_from', 'due_to', 'overdue', 'q'] as const;
type Filters = Record<(typeof filterKeys)[number], string>;

function filtersOf(search: string): Filters {
  const params = new URLSearchParams(search);
  return Object.fromEntries(filterKeys.map((key) => [key, params.get(key) ?? ''])) as Filters;
}

function queryOf(filters: Filters, page: number): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (filters[key] !== '') params.set(key, filters[key]);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

function FilterForm({ list, initial }: { list: VendorList | null; initial: Filters }) {
  const { t } = useI18n();
  const l = t.vendorRequests.list;
  const [filters, setFilters] = useState(initial);
  const set = (key: keyof Filters) => (value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const statuses = ['requested', 'answered', 'returned', 'declined', 'withdrawn'];
  return (
    <form
      class="mt-6 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4"
      aria-label={l.filters}
      data-testid="filters"
      onSubmit={(event) => {
        event.preventDefault();
        const query = queryOf(filters, 1);
        navigate(`${vendorPaths.list}${query === '' ? '' : `?${query}`}`);
      }}
    >
      <h2 class="text-std-18B-160">{l.filters}</h2>
      <div class="grid gap-x-4 md:grid-cols-3">
        <SelectField id="filter-product" label={l.product} value={filters.product_id} onChange={set('product_id')} placeholder={l.all} options={(list?.products ?? []).map((p) => ({ value: String(p.id), label: p.name, lang: langOf(p.name) }))} class="mt-4" />
        <SelectField id="filter-status" label={l.status} value={filters.status} onChange={set('status')} placeholder={l.all} options={statuses.map((s) => ({ value: s, label: t.vendorRequests.status[s] ?? '' }))} class="mt-4" />
        <SelectField id="filter-institution" label={l.institution} value={filters.institution_id} onChange={set('institution_id')} placeholder={l.all} options={(list?.institutions ?? []).map((i) => ({ value: String(i.id), label: i.name, lang: langOf(i.name) }))} class="mt-4" />
        <div class="mt-4">
          <DateField id="filter-due-from" label={l.dueFrom} value={filters.due_from} onChange={set('due_from')} compact />
        </div>
        <div class="mt-4">
          <DateField id="filter-due-to" label={l.dueTo} value={filters.due_to} onChange={set('due_to')} compact />
        </div>
        <TextField id="filter-q" label={l.search} value={filters.q} onInput={set('q')} class="mt-4" maxLength={100} />
      </div>
      <div class="mt-4">
        <Checkbox id="filter-overdue" label={l.overdueOnly} checked={filters.overdue === 'true'} onChange={(checked) => set('overdue')(checked ? 'true' : '')} />
      </div>
      <div class="mt-4 flex flex-wrap gap-4">
        <button type="submit" class={primaryButtonClass} data-testid="apply-filters">
          {l.apply}
        </button>
        <Link href={vendorPaths.list} class={buttonClass}>
          {l.clear}
        </Link>
      </div>
    </form>
  );
}

export function ShareSummary({ result, requests }: { result: ShareResult; requests: VendorRequest[] }) {
  const { t } = useI18n();
  const l = t.vendorRequests.list;
  const nameOf = (id: number) => {
    const request = requests.find((candidate) => candidate.id === id);
    return request === undefined ? l.otherRequest : `${request.institution.name}　${request.system.name}`;
  };
  return (
    <div role="status" class="mt-6 rounded-8 border-2 border-success-2 bg-green-50 p-4 text-std-16N-170" data-testid="share-result">
      <p class="text-std-18B-160">{l.result}</p>
      <ul class="mt-2 list-disc pl-6">
        <li data-testid="shared-count">{l.shared(result.shared.length)}</li>
        <li data-testid="unchanged-count">{l.unchanged(result.unchanged.length)}</li>
        <li data-testid="refused-count">{l.refused(result.refused.length)}</li>
      </ul>
      {result.refused.length > 0 && (
        <ul class="mt-2 list-disc pl-6" data-testid="refused-list">
          {result.refused.map((refusal) => (
            <li key={refusal.request_id}>
              <Name text={nameOf(refusal.request_id)} />：{reasonText(t, refusal.reason)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ApplyPanel({ list, selected, allOutstanding, onDone }: { list: VendorList; selected: VendorRequest[]; allOutstanding: boolean; onDone: (result: ShareResult) => void }) {
  const { t } = useI18n();
  const l = t.vendorRequests.list;
  const years = [...new Set(selected.map((request) => request.fiscal_year))];
  const [product, setProduct] = useState('');
  const [fiscalYear, setFiscalYear] = useState(String(years[0] ?? currentFiscalYear()));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem !== null) problemRef.current?.focus();
  }, [problem]);
  const count = allOutstanding ? list.counts.outstanding : selected.length;
  const institutions = new Set(selected.map((request) => request.institution.id)).size;
  const yearOptions = [...new Set([...years, currentFiscalYear(), currentFiscalYear() + 1])].sort().map((year) => ({ value: String(year), label: t.vendorRequests.fiscalYear(year) }));
  const start = () => {
    if (product === '') return setProblem(l.needProduct);
    if (count === 0) return setProblem(l.needSelection);
    setProblem(null);
    setConfirming(true);
  };
  const share = () => {
    setBusy(true);
    const target: ShareTarget = allOutstanding ? { all_outstanding: true } : { request_ids: selected.map((request) => request.id) };
    shareProduct(Number(product), Number(fiscalYear), target).then(
      (result) => {
        setBusy(false);
        setConfirming(false);
        onDone(result);
      },
      (error: unknown) => {
        setBusy(false);
        setConfirming(false);
        setProblem(shareProblem(t, error));
      },
    );
  };
  return (
    <section class="mt-6 rounded-8 border-2 border-blue-900 bg-blue-50 p-4" aria-labelledby="apply-heading" data-testid="apply-panel">
      <h2 id="apply-heading" class="text-std-18B-160">
        {l.applyHeading}
      </h2>
      <p class="mt-1 text-std-16N-170">{l.applyHelp}</p>
      <p class="mt-2 text-std-16B-170" data-testid="selection-count">
        {allOutstanding ? l.selectedAllOutstanding(count) : l.selected(count)}
      </p>
      {problem !== null && (
        <div ref={problemRef} tabIndex={-1} role="alert" class="mt-3 text-std-16B-170 text-error-1" data-testid="apply-problem">
          {problem}
        </div>
      )}
      <div class="grid gap-x-4 md:grid-cols-2">
        <SelectField id="apply-product" label={l.chooseProduct} value={product} onChange={setProduct} placeholder={l.chooseProductPlaceholder} options={list.products.map((p) => ({ value: String(p.id), label: p.name, lang: langOf(p.name) }))} class="mt-4" />
        <SelectField id="apply-fiscal-year" label={l.applyFiscalYear} value={fiscalYear} onChange={setFiscalYear} options={yearOptions} class="mt-4" />
      </div>
      {confirming ? (
        <ConfirmBox
          class="mt-4 rounded-8 border-2 border-blue-900 bg-white p-4"
          label={l.confirmButton}
          testId="apply-confirm"
          message={allOutstanding ? l.confirmAllOutstanding(list.products.find((p) => String(p.id) === product)?.name ?? '', t.vendorRequests.fiscalYear(Number(fiscalYear))) : l.confirm(count, institutions)}
          confirmClass={primaryButtonClass}
          onConfirm={share}
          onCancel={() => setConfirming(false)}
          busy={busy}
        />
      ) : (
        <p class="mt-4">
          <button type="button" class={primaryButtonClass} onClick={start} data-testid="apply-answers">
            {l.applyButton}
          </button>
        </p>
      )}
    </section>
  );
}

function RequestsTable({ requests, selected, onToggle, onTogglePage }: { requests: VendorRequest[]; selected: Set<number>; onToggle: (id: number, on: boolean) => void; onTogglePage: (on: boolean) => void }) {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const c = v.columns;
  const all = requests.length > 0 && requests.every((request) => selected.has(request.id));
  return (
    <>
    {/* On a phone the table's head is hidden: the same choice above the cards. */}
    <div class="mt-4 md:hidden">
      <Checkbox id="select-page-narrow" label={v.list.selectPage} checked={all} onChange={onTogglePage} />
    </div>
    <table class={`${cardTableClass} mt-4`} data-testid="requests-table">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="w-12 px-2 py-2">
            <input type="checkbox" class="size-6 accent-blue-900" aria-label={v.list.selectPage} checked={all} onChange={(event) => onTogglePage((event.currentTarget as HTMLInputElement).checked)} data-testid="select-page" />
          </th>
          <th scope="col" class="px-2 py-2">{c.institution}</th>
          <th scope="col" class="px-2 py-2">{c.system}</th>
          <th scope="col" class="px-2 py-2">{c.product}</th>
          <th scope="col" class="px-2 py-2">{c.fiscalYear}</th>
          <th scope="col" class="px-2 py-2">{c.due}</th>
          <th scope="col" class="px-2 py-2">{c.status}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {requests.map((request) => (
          <tr key={request.id} class={cardRowClass} data-testid={`request-${request.id}`}>
            <td class={cardCellClass}>
              <input
                type="checkbox"
                class="size-6 accent-blue-900"
                aria-labelledby={`institution-${request.id} system-${request.id}`}
                checked={selected.has(request.id)}
                onChange={(event) => onToggle(request.id, (event.currentTarget as HTMLInputElement).checked)}
                data-testid="select-request"
              />
            </td>
            <td class={`${cardCellClass} font-bold`}>
              <CellLabel>{c.institution}</CellLabel>
              <Link href={vendorPaths.detail(request.id)} class={linkClass}>
                <span id={`institution-${request.id}`} lang={langOf(request.institution.name)}>
                  {request.institution.name}
                </span>
              </Link>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.system}</CellLabel>
              <span id={`system-${request.id}`} lang={langOf(request.system.name)}>
                {request.system.name}
              </span>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.product}</CellLabel>
              {request.product === null ? v.none : <Name text={request.product.name} />}
            </td>
            <RequestTimingCells request={request} />
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}

export function RequestList() {
  const { t } = useI18n();
  const v = t.vendorRequests;
  const l = v.list;
  const search = useSearch();
  const filters = filtersOf(search);
  const page = Math.max(1, Number(new URLSearchParams(search).get('page') ?? '1') || 1);
  const [attempt, setAttempt] = useState(0);
  const query = queryOf(filters, page);
  const [resource] = useResource(`vendor-requests?${query}#${attempt}`, (signal) => loadVendorRequests(query, signal));
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allOutstanding, setAllOutstanding] = useState(false);
  const [result, setResult] = useState<{ result: ShareResult; requests: VendorRequest[] } | null>(null);
  const data = resource.state === 'ready' ? resource.data : null;
  const pages = data === null ? 1 : Math.max(1, Math.ceil(data.total / data.per_page));
  const toggle = (id: number, on: boolean) => {
    setAllOutstanding(false);
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const togglePage = (on: boolean) => {
    setAllOutstanding(false);
    setSelected((current) => {
      const next = new Set(current);
      for (const request of data?.requests ?? []) {
        if (on) next.add(request.id);
        else next.delete(request.id);
      }
      return next;
    });
  };
  const selectedRequests = (data?.requests ?? []).filter((request) => selected.has(request.id));
  const pageLink = (n: number) => {
    const q = queryOf(filters, n);
    return `${vendorPaths.list}${q === '' ? '' : `?${q}`}`;
  };
  return (
    <div data-testid="vendor-requests">
      <h1 class={h1Class}>{l.title}</h1>
      <p class={leadClass}>{l.lead}</p>
      <FilterForm key={search} list={data} initial={filters} />
      {result !== null && <ShareSummary result={result.result} requests={result.requests} />}
      {resource.state === 'loading' && <Loading />}
      {resource.state === 'error' && <InfoNotice testId="requests-unavailable">{resource.error.status === 404 || resource.error.status === 403 ? v.notVendor : v.loadFailed}</InfoNotice>}
      {data !== null && (
        <>
          <div class="mt-6 flex flex-wrap items-center gap-4">
            <p class="text-std-16B-170" data-testid="total">
              {l.total(data.total)}
            </p>
            {/* Every outstanding request is the vendor's whole inbox: offered only when nothing is filtered out. */}
            {data.counts.outstanding > 0 && query.replace(/(^|&)page=\d+/, '') === '' && (
              <Checkbox id="select-all-outstanding" label={l.selectAllOutstanding(data.counts.outstanding)} checked={allOutstanding} onChange={(on) => { setAllOutstanding(on); if (on) setSelected(new Set()); }} />
            )}
            {(selected.size > 0 || allOutstanding) && (
              <button type="button" class={buttonClass} onClick={() => { setSelected(new Set()); setAllOutstanding(false); }}>
                {l.clearSelection}
              </button>
            )}
          </div>
          {data.requests.length === 0 ? (
            <InfoNotice testId="requests-empty">{l.empty}</InfoNotice>
          ) : (
            <RequestsTable requests={data.requests} selected={selected} onToggle={toggle} onTogglePage={togglePage} />
          )}
          {pages > 1 && (
            <nav class="mt-4 flex items-center gap-4" aria-label={l.page(page, pages)}>
              {page > 1 && <Link href={pageLink(page - 1)} class={linkClass}>{l.previous}</Link>}
              <span>{l.page(page, pages)}</span>
              {page < pages && <Link href={pageLink(page + 1)} class={linkClass}>{l.next}</Link>}
            </nav>
          )}
          {(selected.size > 0 || allOutstanding) && (
            <ApplyPanel
              list={data}
              selected={selectedRequests}
              allOutstanding={allOutstanding}
              onDone={(shareResult) => {
                setResult({ result: shareResult, requests: data.requests });
                setSelected(new Set());
                setAllOutstanding(false);
                setAttempt((n) => n + 1);
                window.scrollTo(0, 0);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
