// The systems register's API (src/api/systems_handlers.cpp). Guards are shallow: they catch a wrong
// endpoint, not every field.
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

export type DataLocation = 'on_premises' | 'cloud';
export type RemoteMethod = 'vpn' | 'leased_line' | 'internet' | 'other';
export type BackupResponsibility = 'institution' | 'vendor' | 'shared';

export interface SystemFields {
  kind: string;
  name: string;
  product_name: string;
  product_version: string;
  vendor_name: string;
  vendor_organisation_id: number | null;
  contract_start: string | null;
  contract_end: string | null;
  maintenance_contract: boolean;
  subcontracting: boolean;
  data_location: DataLocation;
  remote_maintenance: boolean;
  remote_method: RemoteMethod | null;
  remote_method_note: string;
  remote_device: string;
  connection_point: string;
  backup_responsibility: BackupResponsibility;
  note: string;
}

export interface SystemVersion {
  version: number;
  action: 'created' | 'changed' | 'retired';
  changed_fields: string[];
  by: string;
  at: string;
  record: SystemFields;
}

export interface RegisteredSystem extends SystemFields {
  id: number;
  status: 'in_use' | 'retired';
  version: number;
  created_at: string;
  updated_at: string;
  contract_ended: boolean;
  contract_ends_soon: boolean;
  history: SystemVersion[];
}

export interface SystemsList {
  systems: RegisteredSystem[];
  retired: RegisteredSystem[];
  can_write: boolean;
}

export interface SystemKind {
  code: string;
  label_ja: string;
  label_en: string;
}

function isSystem(body: unknown): body is RegisteredSystem {
  return isRecord(body) && typeof body.id === 'number' && typeof body.kind === 'string' && Array.isArray(body.history);
}

function isList(body: unknown): body is SystemsList {
  return isRecord(body) && Array.isArray(body.systems) && Array.isArray(body.retired) && typeof body.can_write === 'boolean';
}

function isKinds(body: unknown): body is { kinds: SystemKind[] } {
  return isRecord(body) && Array.isArray(body.kinds);
}

export function loadSystems(signal: AbortSignal): Promise<SystemsList> {
  return send('GET', '/api/v1/systems', isList, { signal });
}

export async function loadKinds(signal: AbortSignal): Promise<SystemKind[]> {
  return (await send('GET', '/api/v1/systems/kinds', isKinds, { signal })).kinds;
}

export function loadSystem(id: number, signal: AbortSignal): Promise<RegisteredSystem> {
  return send('GET', `/api/v1/systems/${id}`, isSystem, { signal });
}

export function createSystem(fields: SystemFields): Promise<RegisteredSystem> {
  return send('POST', '/api/v1/systems', isSystem, { body: fields });
}

export function updateSystem(id: number, version: number, fields: SystemFields): Promise<RegisteredSystem> {
  return send('PUT', `/api/v1/systems/${id}`, isSystem, { body: { ...fields, version } });
}

export function retireSystem(id: number, version: number): Promise<RegisteredSystem> {
  return send('POST', `/api/v1/systems/${id}/retire`, isSystem, { body: { version } });
}

export function emptySystem(): SystemFields {
  return {
    kind: '',
    name: '',
    product_name: '',
    product_version: '',
    vendor_name: '',
    vendor_organisation_id: null,
    contract_start: null,
    contract_end: null,
    maintenance_contract: false,
    subcontracting: false,
    data_location: 'on_premises',
    remote_maintenance: false,
    remote_method: null,
    remote_method_note: '',
    remote_device: '',
    connection_point: '',
    backup_responsibility: 'institution',
    note: '',
  };
}

/** The fields of a system, without its state, for the form. */
export function fieldsOf(system: RegisteredSystem): SystemFields {
  const fields = emptySystem();
  for (const key of Object.keys(fields) as (keyof SystemFields)[]) (fields as unknown as Record<string, unknown>)[key] = system[key];
  return fields;
}
