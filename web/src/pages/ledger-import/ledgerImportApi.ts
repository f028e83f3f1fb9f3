// The ledger import API (src/api/asset_import_handlers.cpp). Guards are shallow: they catch a wrong endpoint.
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

export type ImportFormat = 'auto' | 'template_csv' | 'template_xlsx' | 'nmap' | 'glpi' | 'fusioninventory' | 'cyclonedx';
export const importFormats: readonly ImportFormat[] = ['auto', 'template_csv', 'template_xlsx', 'nmap', 'glpi', 'fusioninventory', 'cyclonedx'];

export interface PlanIssue {
  where: string;
  field: string;
  message: string;
  code: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface PlannedRecord {
  asset_class: string;
  manufacturer: string;
  model: string;
  os_name: string;
  firmware_version: string;
  ip_addresses: string[];
  mac_addresses: string[];
  cpes: { cpe: string }[];
  software: unknown[];
}

export interface PlannedDevice {
  index: number;
  where: string;
  action: 'create' | 'update' | 'unchanged' | 'error';
  asset_id: number | null;
  match: string;
  name: string;
  record: PlannedRecord;
  changed_fields: string[];
  changes: FieldChange[];
  errors: PlanIssue[];
  warnings: PlanIssue[];
  os_accuracy: number | null;
  platform_facts: string[];
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  error: number;
}

export interface ImportSummary {
  id: number;
  format: string;
  file_name: string;
  status: 'preview' | 'confirmed' | 'discarded';
  counts: ImportCounts;
  created_by: string;
  created_at: string;
  decided_at: string | null;
}

export interface ImportDetail extends ImportSummary {
  plan: {
    devices: PlannedDevice[];
    file_issues: PlanIssue[];
    left_asset_ids: number[];
    counts: ImportCounts & { left: number };
  };
}

const isDetail = (v: unknown): v is ImportDetail => isRecord(v) && typeof v['id'] === 'number' && isRecord(v['plan']);
const isHistory = (v: unknown): v is { imports: ImportSummary[] } => isRecord(v) && Array.isArray(v['imports']);

export const ledgerImportApi = {
  preview: (format: ImportFormat, file: File) =>
    send('POST', `/api/v1/ledger/imports?${new URLSearchParams({ format, file_name: file.name }).toString()}`, isDetail, {
      raw: { data: file, type: 'application/octet-stream' },
    }),
  history: (signal: AbortSignal) => send('GET', '/api/v1/ledger/imports', isHistory, { signal }),
  get: (id: number, signal: AbortSignal) => send('GET', `/api/v1/ledger/imports/${id}`, isDetail, { signal }),
  confirm: (id: number) => send('POST', `/api/v1/ledger/imports/${id}/confirm`, isDetail, { body: {} }),
  discard: (id: number) => send('POST', `/api/v1/ledger/imports/${id}/discard`, isDetail, { body: {} }),
};
