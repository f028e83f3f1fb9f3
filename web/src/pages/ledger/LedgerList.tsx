// /ledger: the institution's device ledger: filters, a table sorted and paged by the server (50 a page), rows
// reachable by keyboard (arrow keys move between rows, Enter opens one), the exports with the same filters.
import { useRef, useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { langOf, useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { buttonClass, cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, h2Class, InfoNotice, leadClass, primaryButtonClass, SelectField, TextField } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { assetClasses, assetSources, emptyFilters, filterQuery, loadLedger, loadSummary, type Asset, type LedgerFilters, type LedgerSummary } from './ledgerApi';
import { ledgerImportPaths } from '../ledger-import/routes';
import { ledgerPaths, organisationParam, withOrganisation } from './routes';
import { Flags, osText, useDay } from './ui';

function Filters({ initial, onApply }: { initial: LedgerFilters; onApply: (filters: LedgerFilters) => void }) {
  const { t } = useI18n();
  const l = t.ledger;
  const f = l.filters;
  const [filters, setFilters] = useState(initial);
  const set = (key: keyof LedgerFilters, value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const yesNo = [
    { value: 'true', label: f.yes },
    { value: 'false', label: f.no },
  ];
  const field = 'mt-0 min-w-48';
  return (
    <form
      class="mt-6 rounded-8 border border-solid-gray-200 bg-solid-gray-50 p-4"
      data-testid="ledger-filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ ...filters, page: 1 });
      }}
    >
      <h2 class={h2Class}>{f.heading}</h2>
      <div class="mt-2 flex flex-wrap gap-x-6 gap-y-4">
        <SelectField class={field} id="filter-class" label={f.class} value={filters.class} onChange={(v) => set('class', v)} placeholder={f.all} options={assetClasses.map((c) => ({ value: c, label: l.classes[c] ?? '' }))} />
        <SelectField class={field} id="filter-status" label={f.status} value={filters.status} onChange={(v) => set('status', v)} placeholder={f.all} options={['in_use', 'retired'].map((s) => ({ value: s, label: l.statuses[s] ?? '' }))} />
        <SelectField class={field} id="filter-internet" label={f.internetFacing} value={filters.internet_facing} onChange={(v) => set('internet_facing', v)} placeholder={f.all} options={yesNo} />
        <SelectField class={field} id="filter-cpe" label={f.hasCpe} value={filters.has_cpe} onChange={(v) => set('has_cpe', v)} placeholder={f.all} options={yesNo} />
        <SelectField class={field} id="filter-source" label={f.source} value={filters.source} onChange={(v) => set('source', v)} placeholder={f.all} options={assetSources.map((s) => ({ value: s, label: l.sources[s] ?? '' }))} />
        <TextField class={field} id="filter-place" label={f.place} value={filters.place} onInput={(v) => set('place', v)} maxLength={200} />
        <TextField class={field} id="filter-text" label={f.text} value={filters.q} onInput={(v) => set('q', v)} maxLength={200} />
        <div class={field}>
          <label for="filter-seen" class="block text-std-16B-170 text-solid-gray-900">
            {f.seenBefore}
          </label>
          <input id="filter-seen" type="date" value={filters.seen_before} onInput={(event) => set('seen_before', (event.currentTarget as HTMLInputElement).value)} class="mt-2 block min-h-14 rounded-8 border border-solid-gray-600 bg-white px-4 py-2 text-std-16N-170" />
        </div>
        <SelectField class={field} id="filter-sort" label={f.sort} value={filters.sort} onChange={(v) => set('sort', v)} options={Object.entries(f.sorts).map(([value, label]) => ({ value, label }))} />
        <SelectField class={field} id="filter-order" label={f.order} value={filters.order} onChange={(v) => set('order', v)} options={[{ value: 'asc', label: f.asc }, { value: 'desc', label: f.desc }]} />
      </div>
      <div class="mt-4 flex flex-wrap gap-4">
        <button type="submit" class={primaryButtonClass} data-testid="apply-filters">
          {f.apply}
        </button>
        <button
          type="button"
          class={buttonClass}
          onClick={() => {
            setFilters(emptyFilters());
            onApply(emptyFilters());
          }}
        >
          {f.clear}
        </button>
      </div>
    </form>
  );
}

function AssetTable({ assets, organisation }: { assets: Asset[]; organisation: number | null }) {
  const { t } = useI18n();
  const l = t.ledger;
  const c = l.columns;
  const day = useDay();
  const body = useRef<HTMLTableSectionElement>(null);
  const [active, setActive] = useState(0);
  const open = (asset: Asset) => navigate(withOrganisation(ledgerPaths.detail(asset.id), organisation));
  const onKey = (event: KeyboardEvent, index: number, asset: Asset) => {
    const rows = body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]');
    if (rows === undefined) return;
    const move = (to: number) => {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, to));
      setActive(next);
      rows[next]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      open(asset);
    }
  };
  return (
    <table class={`${cardTableClass} mt-4`} data-testid="ledger-table" aria-label={l.tableLabel}>
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{c.name}</th>
          <th scope="col" class="px-2 py-2">{c.class}</th>
          <th scope="col" class="px-2 py-2">{c.place}</th>
          <th scope="col" class="px-2 py-2">{c.os}</th>
          <th scope="col" class="px-2 py-2">{c.addresses}</th>
          <th scope="col" class="px-2 py-2">{c.system}</th>
          <th scope="col" class="px-2 py-2">{c.flags}</th>
          <th scope="col" class="px-2 py-2">{c.lastSeen}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group" ref={body}>
        {assets.map((asset, index) => (
          <tr
            key={asset.id}
            data-row
            data-testid={`asset-row-${asset.id}`}
            tabIndex={index === active ? 0 : -1}
            onKeyDown={(event) => onKey(event, index, asset)}
            onFocus={() => setActive(index)}
            class={`${cardRowClass} cursor-default focus:outline focus:outline-4 focus:-outline-offset-4 focus:outline-yellow-300 focus:bg-yellow-50`}
          >
            <td class={`${cardCellClass} font-bold`}>
              <CellLabel>{c.name}</CellLabel>
              <Link href={withOrganisation(ledgerPaths.detail(asset.id), organisation)} class={linkClass}>
                <span lang={langOf(asset.name) ?? 'en'}>{asset.name}</span>
              </Link>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.class}</CellLabel>
              {l.classes[asset.asset_class] ?? ''}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.place}</CellLabel>
              <span lang={langOf(asset.location)}>{[asset.location, asset.department].filter((p) => p !== '').join(' / ') || l.empty}</span>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.os}</CellLabel>
              {osText(asset, l.empty)}
              {asset.cpes.length === 0 && <span class="ml-1 text-dns-14N-130 text-solid-gray-700">（{l.noCpe}）</span>}
            </td>
            <td class={`${cardCellClass} font-mono text-dns-14N-130`}>
              <CellLabel>{c.addresses}</CellLabel>
              {asset.ip_addresses.join(' ') || l.empty}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.system}</CellLabel>
              <span lang={langOf(asset.system_name || asset.system_note)}>{asset.system_name || asset.system_note || l.empty}</span>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.flags}</CellLabel>
              <Flags asset={asset} />
            </td>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{c.lastSeen}</CellLabel>
              {day(asset.last_seen_at)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Summary({ summary }: { summary: LedgerSummary }) {
  const { t } = useI18n();
  const l = t.ledger;
  const s = l.summary;
  const items: [string, number, boolean][] = [
    [s.inUse, summary.in_use, false],
    [s.internetFacing, summary.internet_facing, summary.internet_facing > 0],
    [s.withoutCpe, summary.without_cpe, false],
    [s.stale, summary.stale, summary.stale > 0],
    [s.retired, summary.retired, false],
  ];
  return (
    <section class="mt-6" aria-labelledby="ledger-summary" data-testid="ledger-summary">
      <h2 id="ledger-summary" class="sr-only">
        {s.heading}
      </h2>
      <dl class="flex flex-wrap gap-3">
        {items.map(([label, count, attention]) => (
          <div key={label} class={`min-w-36 rounded-8 border px-4 py-2 ${attention ? 'border-error-1 bg-red-50' : 'border-solid-gray-420 bg-white'}`}>
            <dt class="text-dns-14N-130 text-solid-gray-800">{label}</dt>
            <dd class="text-std-20B-150 tabular-nums text-solid-gray-900">{s.count(count)}</dd>
          </div>
        ))}
      </dl>
      <p class="mt-2 text-dns-14N-130 text-solid-gray-700">
        {assetClasses.map((c) => `${l.classes[c] ?? ''} ${summary.in_use_by_class[c] ?? 0}`).join('　')}
      </p>
    </section>
  );
}

export function LedgerList() {
  const { t } = useI18n();
  const l = t.ledger;
  const organisation = organisationParam();
  const [filters, setFilters] = useState<LedgerFilters>(emptyFilters());
  const query = filterQuery(filters, organisation);
  const [list] = useResource(`ledger${query}`, (signal) => loadLedger(filters, organisation, signal));
  const exportQuery = filterQuery(filters, organisation, false);
  const [summary] = useResource(`ledger-summary/${organisation ?? ''}`, (signal) => loadSummary(organisation, signal));
  return (
    <div data-testid="ledger-page">
      <h1 class={h1Class}>{list.state === 'ready' && organisation !== null ? l.institution(list.data.organisation_name) : l.title}</h1>
      <p class={leadClass}>{l.lead}</p>
      {list.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{l.loading}</p>}
      {list.state === 'error' && <InfoNotice testId="ledger-unavailable">{list.error.status === 404 ? l.notAvailable : list.error.status === 400 ? l.errorHeading : l.loadFailed}</InfoNotice>}
      {list.state === 'ready' && (
        <>
          {list.data.can_write ? (
            <p class="mt-6 flex flex-wrap gap-4">
              <Link href={ledgerPaths.create} class={primaryButtonClass} data-testid="add-asset">
                {l.add}
              </Link>
              <Link href={ledgerImportPaths.wizard} class={buttonClass} data-testid="import-assets">
                {l.importFromFile}
              </Link>
            </p>
          ) : (
            <InfoNotice testId="read-only">{l.readOnly}</InfoNotice>
          )}
          {summary.state === 'ready' && <Summary summary={summary.data} />}
          <Filters key={query} initial={filters} onApply={setFilters} />
          <p class="mt-6 text-std-16N-170" role="status" data-testid="ledger-count">
            {list.data.total === 0
              ? l.none
              : l.count(list.data.total, (list.data.page - 1) * list.data.page_size + 1, Math.min(list.data.total, list.data.page * list.data.page_size))}
          </p>
          {list.data.assets.length > 0 && <AssetTable key={query} assets={list.data.assets} organisation={organisation} />}
          {list.data.total > list.data.page_size && (
            <nav aria-label={l.pageLabel} class="mt-4 flex gap-4">
              {list.data.page > 1 && (
                <button type="button" class={buttonClass} onClick={() => setFilters({ ...filters, page: filters.page - 1 })}>
                  {l.previous}
                </button>
              )}
              {list.data.page * list.data.page_size < list.data.total && (
                <button type="button" class={buttonClass} data-testid="next-page" onClick={() => setFilters({ ...filters, page: filters.page + 1 })}>
                  {l.next}
                </button>
              )}
            </nav>
          )}
          <section class="mt-10" aria-labelledby="ledger-export">
            <h2 id="ledger-export" class={h2Class}>
              {l.exportHeading}
            </h2>
            <p class="mt-2 text-std-16N-170 text-solid-gray-700">{l.exportNote}</p>
            <ul class="mt-2 flex flex-wrap gap-4">
              <li>
                <a class={buttonClass} href={`/api/v1/ledger/export.csv${exportQuery}`} download data-testid="export-csv">
                  {l.exportCsv}
                </a>
              </li>
              <li>
                <a class={buttonClass} href={`/api/v1/ledger/export.xlsx${exportQuery}`} download data-testid="export-xlsx">
                  {l.exportXlsx}
                </a>
              </li>
              <li>
                <a class={buttonClass} href={`/api/v1/ledger/export.pdf${exportQuery}`} download data-testid="export-pdf">
                  {l.exportPdf}
                </a>
              </li>
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
