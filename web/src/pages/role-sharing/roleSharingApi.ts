// The 役割分担確認表's API (src/api/role_sharing_handlers.cpp). Guards are shallow: they catch a wrong
// endpoint, not every field.
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

export type FirstAnswer = 'yes' | 'no';

export interface RowCheck {
  first_answer: FirstAnswer | null;
  first_checked_on: string | null;
  completed_on: string | null;
  note: string;
}

export interface RowChange {
  version: number;
  side: 'institution' | 'vendor';
  by: string;
  organisation_name: string;
  at: string;
  before: RowCheck;
  after: RowCheck;
}

export interface SheetRow extends RowCheck {
  id: string;
  part: string;
  group_ja: string | null;
  number: string | null;
  item_ja: string;
  item_is_official: boolean;
  content_ja: string | null;
  content_is_official: boolean;
  source: string;
  version: number;
  updated_side: 'institution' | 'vendor' | null;
  updated_by: string;
  updated_at: string | null;
  history: RowChange[];
}

export interface Progress {
  total: number;
  answered: number;
  settled: number;
}

export interface Contract {
  system: { id: number; name: string; kind: string; status: 'in_use' | 'retired' };
  institution: { id: number; name: string };
  vendor: { id: number; name: string };
}

export interface Sheet extends Contract {
  title_ja: string;
  side: 'institution' | 'vendor';
  can_edit: boolean;
  progress: Progress;
  parts: { code: string; label_ja: string; label_en: string }[];
  rows: SheetRow[];
}

export interface VendorSystem extends Contract {
  progress: Progress;
}

function isSheet(body: unknown): body is Sheet {
  return isRecord(body) && Array.isArray(body.rows) && Array.isArray(body.parts) && typeof body.can_edit === 'boolean';
}

function isVendorSystems(body: unknown): body is { systems: VendorSystem[] } {
  return isRecord(body) && Array.isArray(body.systems);
}

export function loadSheet(systemId: number, signal: AbortSignal): Promise<Sheet> {
  return send('GET', `/api/v1/systems/${systemId}/role-sharing`, isSheet, { signal });
}

export function saveRow(systemId: number, rowId: string, version: number, check: RowCheck): Promise<Sheet> {
  return send('PUT', `/api/v1/systems/${systemId}/role-sharing/rows/${encodeURIComponent(rowId)}`, isSheet, {
    body: { ...check, version },
  });
}

export async function loadVendorSystems(signal: AbortSignal): Promise<VendorSystem[]> {
  return (await send('GET', '/api/v1/vendor/systems', isVendorSystems, { signal })).systems;
}
