// The vendor links API (src/api/vendor_link_handlers.cpp). Guards are shallow: they catch a wrong endpoint,
// not every field.
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

export interface NamedSystem {
  id: number;
  name: string;
}

export interface VendorInvitation {
  id: number;
  vendor_name: string;
  corporate_number: string | null;
  contact_email: string;
  systems: NamedSystem[];
  status: 'pending' | 'used' | 'revoked' | 'expired';
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by_vendor: string | null;
  revoked_at: string | null;
}

export interface CreatedInvitation extends VendorInvitation {
  code: string;
}

export interface LinkedVendor {
  id: number;
  name: string;
  corporate_number: string | null;
  via: 'invitation' | 'operator';
  linked_at: string;
  systems: NamedSystem[];
}

export interface VendorCustomer {
  id: number;
  name: string;
  linked_at: string;
  systems: NamedSystem[];
}

export interface VendorOrganisation {
  id: number;
  name: string;
  corporate_number: string | null;
  created_at: string;
  customers: number;
  users: number;
}

export interface InvitationInput {
  vendor_name: string;
  corporate_number?: string;
  system_ids: number[];
  contact_email?: string;
}

export interface JoinInput {
  code: string;
  vendor_name: string;
  corporate_number?: string;
  administrator: { login: string; display_name: string; password: string };
  confirm_new: boolean;
}

export interface Joined {
  vendor: { id: number; name: string };
  institution: { name: string };
}

const listOf =
  <T>(key: string) =>
  (body: unknown): body is Record<string, T[]> =>
    isRecord(body) && Array.isArray(body[key]);

function isInvitation(body: unknown): body is CreatedInvitation {
  return isRecord(body) && typeof body.id === 'number' && typeof body.vendor_name === 'string';
}

function isLinked(body: unknown): body is LinkedVendor {
  return isRecord(body) && typeof body.id === 'number' && Array.isArray(body.systems);
}

function isOrganisation(body: unknown): body is VendorOrganisation {
  return isRecord(body) && typeof body.id === 'number' && typeof body.customers === 'number';
}

function isRedeemed(body: unknown): body is { institution: { id: number; name: string }; systems: NamedSystem[] } {
  return isRecord(body) && isRecord(body.institution) && Array.isArray(body.systems);
}

function isJoined(body: unknown): body is Joined {
  return isRecord(body) && isRecord(body.vendor) && isRecord(body.institution);
}

export async function loadInvitations(signal: AbortSignal): Promise<VendorInvitation[]> {
  return (await send('GET', '/api/v1/vendor-invitations', listOf<VendorInvitation>('invitations'), { signal }))['invitations'] ?? [];
}

export async function loadLinkedVendors(signal: AbortSignal): Promise<LinkedVendor[]> {
  return (await send('GET', '/api/v1/vendors', listOf<LinkedVendor>('vendors'), { signal }))['vendors'] ?? [];
}

export function createInvitation(input: InvitationInput): Promise<CreatedInvitation> {
  return send('POST', '/api/v1/vendor-invitations', isInvitation, { body: input });
}

export function revokeInvitation(id: number): Promise<CreatedInvitation> {
  return send('POST', `/api/v1/vendor-invitations/${id}/revoke`, isInvitation, { body: {} });
}

export function unlinkVendor(id: number): Promise<undefined> {
  return send('POST', `/api/v1/vendors/${id}/unlink`, null, { body: {} });
}

export function redeemCode(code: string) {
  return send('POST', '/api/v1/vendor/links', isRedeemed, { body: { code } });
}

export function joinAsVendor(input: JoinInput): Promise<Joined> {
  return send('POST', '/api/v1/vendor-join', isJoined, { body: input });
}

export async function loadCustomers(signal: AbortSignal): Promise<VendorCustomer[]> {
  return (await send('GET', '/api/v1/vendor/customers', listOf<VendorCustomer>('customers'), { signal }))['customers'] ?? [];
}

export async function findVendorOrganisations(query: string, signal?: AbortSignal): Promise<VendorOrganisation[]> {
  const path = `/api/v1/vendor-organisations?${new URLSearchParams({ q: query }).toString()}`;
  return (await send('GET', path, listOf<VendorOrganisation>('vendor_organisations'), signal === undefined ? {} : { signal }))['vendor_organisations'] ?? [];
}

export function registerVendorOrganisation(name: string, corporateNumber: string, confirmNew: boolean): Promise<VendorOrganisation> {
  return send('POST', '/api/v1/vendor-organisations', isOrganisation, {
    body: { name, ...(corporateNumber === '' ? {} : { corporate_number: corporateNumber }), confirm_new: confirmNew },
  });
}

export function linkVendorOrganisation(id: number, facilityId: string): Promise<LinkedVendor> {
  return send('POST', `/api/v1/vendor-organisations/${id}/links`, isLinked, { body: { facility_id: facilityId } });
}
