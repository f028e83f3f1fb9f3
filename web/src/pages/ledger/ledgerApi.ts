// The device ledger's API (src/api/ledger_handlers.cpp, docs/ledger-api.md). Guards are shallow: they catch a
// wrong endpoint, not every field.
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

export const assetClasses = ['server', 'terminal', 'network', 'media', 'medical_device', 'connection_point'] as const;
export type AssetClass = (typeof assetClasses)[number];
export const assetSources = ['manual', 'template', 'nmap', 'glpi', 'fusioninventory', 'cyclonedx'] as const;

export interface AssetCpe {
  cpe: string;
  origin: string;
}

export interface AssetSoftware {
  name: string;
  version: string;
  publisher: string;
  kind: string;
  cpe: string;
  purl: string;
  port: string;
}

export interface AssetFields {
  asset_class: string;
  name: string;
  location: string;
  department: string;
  owner: string;
  serial: string;
  manufacturer: string;
  model: string;
  os_name: string;
  os_version: string;
  firmware_version: string;
  system_id: number | null;
  system_note: string;
  vendor_managed: boolean;
  internet_facing: boolean;
  remote_maintenance: boolean;
  ip_addresses: string[];
  mac_addresses: string[];
  cpes: AssetCpe[];
  software: AssetSoftware[];
  note: string;
}

export interface AssetVersion {
  version: number;
  action: 'created' | 'changed' | 'retired' | 'restored';
  changed_fields: string[];
  by: string;
  import_id: number | null;
  at: string;
  status: string;
  reason: string;
  record: AssetFields;
}

export interface Asset extends AssetFields {
  id: number;
  organisation_id: number;
  status: 'in_use' | 'retired';
  source: string;
  last_seen_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  system_name: string;
  versions?: AssetVersion[];
  can_write?: boolean;
}

export interface LedgerPage {
  organisation_id: number;
  organisation_name: string;
  assets: Asset[];
  total: number;
  page: number;
  page_size: number;
  can_write: boolean;
}

export interface LedgerFilters {
  class: string;
  status: string;
  place: string;
  internet_facing: string;
  has_cpe: string;
  source: string;
  seen_before: string;
  q: string;
  sort: string;
  order: string;
  page: number;
}

export function emptyFilters(): LedgerFilters {
  return { class: '', status: 'in_use', place: '', internet_facing: '', has_cpe: '', source: '', seen_before: '', q: '', sort: 'name', order: 'asc', page: 1 };
}

export interface LedgerSystem {
  id: number;
  name: string;
}

function isAsset(body: unknown): body is Asset {
  return isRecord(body) && typeof body.id === 'number' && typeof body.name === 'string' && Array.isArray(body.cpes);
}

function isPage(body: unknown): body is LedgerPage {
  return isRecord(body) && Array.isArray(body.assets) && typeof body.total === 'number' && typeof body.can_write === 'boolean';
}

function isSystems(body: unknown): body is { systems: LedgerSystem[] } {
  return isRecord(body) && Array.isArray(body.systems);
}

/** The query string of the filters (only those set), with the institution when one is named. */
export function filterQuery(filters: LedgerFilters, organisation: number | null, withPage = true): string {
  const params = new URLSearchParams();
  if (organisation !== null) params.set('organisation', String(organisation));
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'page' && (!withPage || value === 1)) continue;
    if (value !== '' && value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function loadLedger(filters: LedgerFilters, organisation: number | null, signal: AbortSignal): Promise<LedgerPage> {
  return send('GET', `/api/v1/ledger/assets${filterQuery(filters, organisation)}`, isPage, { signal });
}

export function loadAsset(id: number, signal: AbortSignal): Promise<Asset> {
  return send('GET', `/api/v1/ledger/assets/${id}`, isAsset, { signal });
}

export async function loadLedgerSystems(organisation: number | null, signal: AbortSignal): Promise<LedgerSystem[]> {
  const query = organisation === null ? '' : `?organisation=${organisation}`;
  return (await send('GET', `/api/v1/ledger/systems${query}`, isSystems, { signal })).systems;
}

export function createAsset(fields: AssetFields): Promise<Asset> {
  return send('POST', '/api/v1/ledger/assets', isAsset, { body: fields });
}

export function updateAsset(id: number, version: number, fields: AssetFields): Promise<Asset> {
  return send('PUT', `/api/v1/ledger/assets/${id}`, isAsset, { body: { ...fields, version } });
}

export function changeAssetStatus(id: number, version: number, retire: boolean, reason: string): Promise<Asset> {
  return send('POST', `/api/v1/ledger/assets/${id}/${retire ? 'retire' : 'restore'}`, isAsset, { body: { version, reason } });
}

export function emptyAsset(): AssetFields {
  return {
    asset_class: 'terminal',
    name: '',
    location: '',
    department: '',
    owner: '',
    serial: '',
    manufacturer: '',
    model: '',
    os_name: '',
    os_version: '',
    firmware_version: '',
    system_id: null,
    system_note: '',
    vendor_managed: false,
    internet_facing: false,
    remote_maintenance: false,
    ip_addresses: [],
    mac_addresses: [],
    cpes: [],
    software: [],
    note: '',
  };
}

/** The fields of an asset, without its state, for the form. */
export function fieldsOf(asset: Asset): AssetFields {
  const fields = emptyAsset();
  for (const key of Object.keys(fields) as (keyof AssetFields)[]) (fields as unknown as Record<string, unknown>)[key] = asset[key];
  return fields;
}
