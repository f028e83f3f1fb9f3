// /ledger/{id}: one asset: every field, its addresses, CPE names with their origin, the software (collapsed when
// long), the history of changes (who, when, which fields) and, for those who write, changing it and recording
// it as retired (or back in use) with a reason.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { ProblemError } from '../../auth/request';
import { langOf, useI18n } from '../../i18n';
import { Link, useSearch } from '../../router';
import { AssetFindings } from '../findings/AssetFindings';
import { CpeSuggestions } from './CpeSuggestions';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, dangerButtonClass, h1Class, h2Class, InfoNotice, primaryButtonClass, SuccessNotice, TextField, WarningNotice } from '../account/ui';
import { buttonClass, linkClass } from '../catalog/ui';
import { changeAssetStatus, loadAsset, type Asset, type AssetVersion } from './ledgerApi';
import { ledgerPaths, organisationParam, withOrganisation } from './routes';
import { Flags, useDay, useTime } from './ui';

const kSoftwareShown = 10;

function Facts({ asset }: { asset: Asset }) {
  const { t } = useI18n();
  const l = t.ledger;
  const f = l.fields;
  const day = useDay();
  const text = (value: string) => (value === '' ? l.empty : <span lang={langOf(value) ?? 'en'}>{value}</span>);
  const rows: [string, preact.ComponentChildren][] = [
    [f['asset_class'] ?? '', l.classes[asset.asset_class] ?? ''],
    [f['status'] ?? '', l.statuses[asset.status] ?? ''],
    [f['location'] ?? '', text(asset.location)],
    [f['department'] ?? '', text(asset.department)],
    [f['owner'] ?? '', text(asset.owner)],
    [f['manufacturer'] ?? '', text(asset.manufacturer)],
    [f['model'] ?? '', text(asset.model)],
    [f['serial'] ?? '', text(asset.serial)],
    [f['os_name'] ?? '', text([asset.os_name, asset.os_version].filter((p) => p !== '').join(' '))],
    [f['firmware_version'] ?? '', text(asset.firmware_version)],
    [f['system_id'] ?? '', text(asset.system_name || asset.system_note)],
    [f['ip_addresses'] ?? '', <span class="font-mono">{asset.ip_addresses.join('\n') || l.empty}</span>],
    [f['mac_addresses'] ?? '', <span class="font-mono">{asset.mac_addresses.join('\n') || l.empty}</span>],
    [l.columns.flags, <Flags asset={asset} />],
    [f['source'] ?? '', l.sources[asset.source] ?? ''],
    [f['last_seen_at'] ?? '', day(asset.last_seen_at)],
  ];
  if (asset.note !== '') rows.push([f['note'] ?? '', text(asset.note)]);
  return (
    <dl class="mt-6 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 md:grid-cols-[14rem_1fr]" data-testid="asset-facts">
      {rows.map(([label, value]) => (
        <div key={label} class="contents">
          <dt class="text-std-16B-170 text-solid-gray-800">{label}</dt>
          <dd class="mb-2 whitespace-pre-wrap text-std-16N-170 md:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Cpes({ asset }: { asset: Asset }) {
  const { t } = useI18n();
  const l = t.ledger;
  if (asset.cpes.length === 0) return <p class="mt-2 text-std-16N-170">{l.noCpe}</p>;
  return (
    <table class={`${cardTableClass} mt-2`} data-testid="asset-cpes">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{l.cpeColumns.cpe}</th>
          <th scope="col" class="px-2 py-2">{l.cpeColumns.origin}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {asset.cpes.map((cpe) => (
          <tr key={cpe.cpe} class={cardRowClass}>
            <td class={`${cardCellClass} break-all font-mono text-dns-14N-130`}>
              <CellLabel>{l.cpeColumns.cpe}</CellLabel>
              {cpe.cpe}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{l.cpeColumns.origin}</CellLabel>
              {l.origins[cpe.origin] ?? ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SoftwareTable({ asset }: { asset: Asset }) {
  const { t } = useI18n();
  const l = t.ledger;
  const c = l.softwareColumns;
  const table = (
    <table class={`${cardTableClass} mt-2`} data-testid="asset-software">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{c.name}</th>
          <th scope="col" class="px-2 py-2">{c.version}</th>
          <th scope="col" class="px-2 py-2">{c.publisher}</th>
          <th scope="col" class="px-2 py-2">{c.port}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {asset.software.map((s, index) => (
          <tr key={index} class={cardRowClass}>
            <td class={cardCellClass}>
              <CellLabel>{c.name}</CellLabel>
              <span lang={langOf(s.name) ?? 'en'}>{s.name}</span>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.version}</CellLabel>
              {s.version || l.empty}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.publisher}</CellLabel>
              <span lang={langOf(s.publisher) ?? 'en'}>{s.publisher || l.empty}</span>
            </td>
            <td class={`${cardCellClass} font-mono`}>
              <CellLabel>{c.port}</CellLabel>
              {s.port || l.empty}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (asset.software.length === 0) return <p class="mt-2 text-std-16N-170">{l.empty}</p>;
  if (asset.software.length <= kSoftwareShown) return table;
  return (
    <details class="mt-2" data-testid="software-collapsed">
      <summary class="cursor-pointer text-std-16B-170 text-blue-1000 underline">{l.showSoftware(asset.software.length)}</summary>
      {table}
    </details>
  );
}

function History({ versions }: { versions: AssetVersion[] }) {
  const { t } = useI18n();
  const l = t.ledger;
  const c = l.historyColumns;
  const time = useTime();
  return (
    <table class={`${cardTableClass} mt-2`} data-testid="asset-history">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{c.version}</th>
          <th scope="col" class="px-2 py-2">{c.at}</th>
          <th scope="col" class="px-2 py-2">{c.by}</th>
          <th scope="col" class="px-2 py-2">{c.action}</th>
          <th scope="col" class="px-2 py-2">{c.fields}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {versions.map((v) => (
          <tr key={v.version} class={cardRowClass} data-testid={`version-${v.version}`}>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{c.version}</CellLabel>
              {v.version}
            </td>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{c.at}</CellLabel>
              {time(v.at)}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.by}</CellLabel>
              <span lang={langOf(v.by)}>{v.by !== '' ? v.by : v.import_id !== null ? l.byImport : l.bySystem}</span>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.action}</CellLabel>
              {l.actions[v.action] ?? ''}
              {v.reason !== '' && (
                <span class="block text-dns-14N-130 text-solid-gray-700">
                  {l.reasonLabel}：<span lang={langOf(v.reason)}>{v.reason}</span>
                </span>
              )}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{c.fields}</CellLabel>
              {v.changed_fields.map((field) => l.fields[field] ?? '').filter((label) => label !== '').join('、') || l.empty}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatusChange({ asset, onDone }: { asset: Asset; onDone: (asset: Asset) => void }) {
  const { t } = useI18n();
  const l = t.ledger;
  const retire = asset.status === 'in_use';
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button type="button" class={retire ? dangerButtonClass : buttonClass} data-testid={retire ? 'retire-asset' : 'restore-asset'} onClick={() => setOpen(true)}>
        {retire ? l.retire : l.restore}
      </button>
    );
  const submit = (event: Event) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(l.reasonNeeded);
      return;
    }
    setBusy(true);
    changeAssetStatus(asset.id, asset.version, retire, reason).then(onDone, (problem: unknown) => {
      setBusy(false);
      setError(problem instanceof ProblemError && problem.status === 409 ? l.stale : l.loadFailed);
    });
  };
  return (
    <form onSubmit={submit} noValidate class="mt-4 max-w-3xl rounded-8 border-2 border-solid-gray-600 p-4" data-testid="status-form">
      <h2 class={h2Class}>{retire ? l.retireHeading : l.restoreHeading}</h2>
      {retire && <p class="mt-2 text-std-16N-170">{l.retireLead}</p>}
      <TextField id="reason" label={l.reason} value={reason} onInput={setReason} maxLength={500} error={error} required />
      <div class="mt-4 flex flex-wrap gap-3">
        <button type="submit" class={retire ? dangerButtonClass : primaryButtonClass} disabled={busy} data-testid="confirm-status">
          {retire ? l.confirmRetire : l.confirmRestore}
        </button>
        <button type="button" class={buttonClass} onClick={() => setOpen(false)}>
          {l.cancel}
        </button>
      </div>
    </form>
  );
}

export function AssetDetail({ id }: { id: number }) {
  const { t } = useI18n();
  const l = t.ledger;
  const organisation = organisationParam();
  const search = useSearch();
  const saved = new URLSearchParams(search).get('saved');
  const [changed, setChanged] = useState<{ asset: Asset; notice: string } | null>(null);
  const [resource] = useResource(`ledger-asset/${id}`, (signal) => loadAsset(id, signal));
  if (resource.state === 'loading') return <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{l.loading}</p>;
  if (resource.state === 'error') return <InfoNotice testId="asset-unavailable">{resource.error.status === 404 ? l.notFound : l.loadFailed}</InfoNotice>;
  const asset = changed?.asset ?? resource.data;
  const canWrite = resource.data.can_write === true;
  const notice = changed !== null ? changed.notice : saved !== null ? l.saved[saved] : undefined;
  return (
    <div data-testid="asset-page">
      <p class="mt-2">
        <Link href={withOrganisation(ledgerPaths.list, organisation)} class={linkClass}>
          {l.back}
        </Link>
      </p>
      <h1 class={h1Class}>
        <span lang={langOf(asset.name)}>{asset.name}</span>
      </h1>
      {notice !== undefined && <SuccessNotice testId="saved-notice">{notice}</SuccessNotice>}
      {asset.status === 'retired' && <WarningNotice testId="retired-notice">{l.retiredNotice}</WarningNotice>}
      {canWrite && (
        <div class="mt-6 flex flex-wrap gap-4">
          {asset.status === 'in_use' && (
            <Link href={ledgerPaths.edit(asset.id)} class={primaryButtonClass} data-testid="edit-asset">
              {l.edit}
            </Link>
          )}
          <StatusChange key={asset.version} asset={asset} onDone={(a) => setChanged({ asset: a, notice: (a.status === 'retired' ? l.saved['retired'] : l.saved['restored']) ?? '' })} />
        </div>
      )}
      <Facts asset={asset} />
      <h2 class={`${h2Class} mt-10`}>{l.fields['cpes']}</h2>
      <Cpes asset={asset} />
      {canWrite && asset.status === 'in_use' && <CpeSuggestions key={asset.version} asset={asset} onAdded={(a) => setChanged({ asset: a, notice: l.saved['cpe'] ?? '' })} />}
      <h2 class={`${h2Class} mt-10`}>{t.findings.assetHeading}</h2>
      <AssetFindings assetId={asset.id} hasCpe={asset.cpes.length > 0} />
      <h2 class={`${h2Class} mt-10`}>{l.fields['software']}</h2>
      <SoftwareTable asset={asset} />
      <h2 class={`${h2Class} mt-10`}>{l.historyHeading}</h2>
      <History versions={asset.versions ?? []} />
    </div>
  );
}
