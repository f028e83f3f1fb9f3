// The MDS/SDS API (src/api/vendor_disclosure_handlers.cpp). Guards are shallow: they catch a wrong endpoint.
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

export type DisclosureKind = 'mds' | 'sds';
export type DisclosureState = 'current' | 'outdated' | 'superseded' | 'withdrawn';
export type SystemStatus = 'current' | 'outdated' | 'missing' | 'no_vendor' | 'product_unknown';

export interface Disclosure {
  id: number;
  product_id: number;
  product_name: string;
  kind: DisclosureKind;
  version_label: string;
  issued_on: string;
  valid_until: string;
  file_name: string;
  media_type: string;
  size: number;
  note: string;
  uploaded_at: string;
  uploaded_by_name: string;
  state: DisclosureState;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  withdrawn_by_name: string | null;
}

export interface ProductDisclosures {
  id: number;
  name: string;
  note: string;
  systems: number;
  mds: Disclosure | null;
  sds: Disclosure | null;
  history: Disclosure[];
}

export interface VendorDisclosureList {
  products: ProductDisclosures[];
  can_write: boolean;
}

export interface SystemDisclosures {
  id: number;
  name: string;
  kind: string;
  vendor: { id: number; name: string } | null;
  vendor_name: string;
  product: { id: number; name: string } | null;
  status: SystemStatus;
  disclosures: Disclosure[];
}

function isVendorList(body: unknown): body is VendorDisclosureList {
  return isRecord(body) && Array.isArray(body.products) && typeof body.can_write === 'boolean';
}

function isSystems(body: unknown): body is { systems: SystemDisclosures[] } {
  return isRecord(body) && Array.isArray(body.systems);
}

function isDisclosure(body: unknown): body is Disclosure {
  return isRecord(body) && typeof body.id === 'number' && typeof body.state === 'string';
}

export const loadVendorDisclosures = (signal: AbortSignal) => send('GET', '/api/v1/vendor/disclosures', isVendorList, { signal });

export const loadInstitutionDisclosures = async (signal: AbortSignal) =>
  (await send('GET', '/api/v1/systems/disclosures', isSystems, { signal })).systems;

export interface UploadInput {
  kind: DisclosureKind;
  version_label: string;
  issued_on: string;
  note: string;
  file: File;
}

export function uploadDisclosure(productId: number, input: UploadInput): Promise<Disclosure> {
  const query = new URLSearchParams({
    kind: input.kind,
    version_label: input.version_label,
    issued_on: input.issued_on,
    note: input.note,
    file_name: input.file.name,
  });
  return send('POST', `/api/v1/vendor/products/${productId}/disclosures?${query.toString()}`, isDisclosure, {
    raw: { data: input.file, type: input.file.type === '' ? 'application/octet-stream' : input.file.type },
  });
}

export const withdrawDisclosure = (id: number, reason: string) =>
  send('POST', `/api/v1/vendor/disclosures/${id}/withdraw`, isDisclosure, { body: { reason } });

export const disclosureFiles = {
  vendor: (id: number) => `/api/v1/vendor/disclosures/${id}/file`,
  institution: (id: number) => `/api/v1/systems/disclosures/${id}/file`,
};
