// The API of 事業者確認用 requests, products and shared answers (docs/vendor-requests-api.md). Guards are
// shallow: they catch a wrong endpoint, not every field.
import type { AnswerValue } from '../../api/assessments';
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

export type RequestStatus = 'requested' | 'answered' | 'returned' | 'declined' | 'withdrawn';

export interface AnswerLine {
  canonical_id: string;
  row_key: string;
  value: AnswerValue | null;
  confirmed_on: string | null;
  target_date: string | null;
  note: string;
}

export interface Named {
  id: number;
  name: string;
}

export interface VendorRequest {
  id: number;
  version: number;
  institution: Named;
  vendor: Named;
  system: { id: number; name: string; kind: string; product_name: string; product_version: string };
  product: Named | null;
  fiscal_year: number;
  edition_id: string;
  form_id: string;
  due_on: string;
  status: RequestStatus;
  outstanding: boolean;
  overdue: boolean;
  asks_disclosure: boolean;
  message: string;
  reason: string;
  latest_version: number;
  has_overrides: boolean;
  requested_at: string;
  requested_by_name: string;
  updated_at: string;
}

export interface SharedVersion {
  version: number;
  shared_at: string;
  shared_by_name: string;
}

export interface Change {
  canonical_id: string;
  row_key: string;
  number: string;
  text_ja: string;
  before: AnswerLine | null;
  after: AnswerLine | null;
}

export interface RequestDetail extends VendorRequest {
  versions: SharedVersion[];
  answers: AnswerLine[];
  changes: Change[];
  form_json: unknown;
  /** The version shown, when the server names it (GET …/versions/{n}). */
  shown_version?: number;
}

export interface VendorRequestDetail extends RequestDetail {
  overrides: AnswerLine[];
  effective_answers: AnswerLine[];
  product_answers_version: number;
}

export interface Counts {
  requested: number;
  answered: number;
  returned: number;
  declined: number;
  withdrawn: number;
  outstanding: number;
  overdue: number;
}

export interface InstitutionList {
  requests: VendorRequest[];
  counts: { outstanding: number; overdue: number; answered: number; returned: number; declined: number };
  can_write: boolean;
}

export interface VendorList {
  requests: VendorRequest[];
  total: number;
  page: number;
  per_page: number;
  counts: Counts;
  institutions: Named[];
  products: Named[];
}

export interface AnswerSetSummary {
  fiscal_year: number;
  edition_id: string;
  version: number;
  answered: number;
  total: number;
  updated_at: string;
}

export interface Product {
  id: number;
  name: string;
  note: string;
  systems: number;
  answer_sets: AnswerSetSummary[];
}

export interface ProductList {
  products: Product[];
  can_write: boolean;
}

export interface ProductAnswers {
  product: Named;
  fiscal_year: number;
  edition_id: string;
  form_id: string;
  version: number;
  answers: AnswerLine[];
  form_json: unknown;
}

export interface ShareResult {
  shared: { request_id: number; version: number }[];
  unchanged: number[];
  refused: { request_id: number; reason: string }[];
}

export interface Dashboard {
  counts: Counts;
  products: number;
  customers: number;
  due_soon: VendorRequest[];
}

const hasArray = (body: unknown, key: string): boolean => isRecord(body) && Array.isArray(body[key]);
const isRequest = (body: unknown): body is VendorRequest => isRecord(body) && typeof body['id'] === 'number' && typeof body['status'] === 'string';
const isDetail = (body: unknown): body is RequestDetail => isRequest(body) && hasArray(body, 'answers') && hasArray(body, 'versions');
const isVendorDetail = (body: unknown): body is VendorRequestDetail => isDetail(body) && hasArray(body, 'overrides');
const isInstitutionList = (body: unknown): body is InstitutionList => hasArray(body, 'requests') && isRecord((body as Record<string, unknown>)['counts']);
const isVendorList = (body: unknown): body is VendorList => hasArray(body, 'requests') && isRecord(body) && typeof body['total'] === 'number';
const isProducts = (body: unknown): body is ProductList => hasArray(body, 'products');
const isProduct = (body: unknown): body is Product => isRecord(body) && typeof body['id'] === 'number' && typeof body['name'] === 'string';
const isProductAnswers = (body: unknown): body is ProductAnswers => hasArray(body, 'answers') && isRecord((body as Record<string, unknown>)['product']);
const isShareResult = (body: unknown): body is ShareResult => hasArray(body, 'shared') && hasArray(body, 'refused');
const isDashboard = (body: unknown): body is Dashboard => hasArray(body, 'due_soon') && isRecord((body as Record<string, unknown>)['counts']);

// ---- institution side ----

export interface NewRequest {
  fiscal_year: number;
  due_on: string;
  asks_disclosure: boolean;
  message: string;
}

export function createRequest(systemId: number, fields: NewRequest): Promise<VendorRequest> {
  return send('POST', `/api/v1/systems/${systemId}/vendor-requests`, isRequest, { body: fields });
}

export function loadInstitutionRequests(signal: AbortSignal): Promise<InstitutionList> {
  return send('GET', '/api/v1/vendor-requests', isInstitutionList, { signal });
}

export function loadRequest(id: number, version: number | null, signal: AbortSignal): Promise<RequestDetail> {
  const path = version === null ? `/api/v1/vendor-requests/${id}` : `/api/v1/vendor-requests/${id}/versions/${version}`;
  return send('GET', path, isDetail, { signal });
}

export type RequestAction = 'return_for_correction' | 'ask_again' | 'withdraw' | 'decline';

export function actOn(id: number, action: RequestAction, reason: string, version: number): Promise<unknown> {
  return send('POST', `/api/v1/vendor-requests/${id}/actions`, (body): body is unknown => body !== undefined, { body: { action, reason, version } });
}

export function documentLink(id: number, kind: 'pdf' | 'xlsx', version: number | null): string {
  return `/api/v1/vendor-requests/${id}/document.${kind}${version === null ? '' : `?version=${version}`}`;
}

// ---- vendor side ----

export function loadDashboard(signal: AbortSignal): Promise<Dashboard> {
  return send('GET', '/api/v1/vendor/dashboard', isDashboard, { signal });
}

export function loadVendorRequests(query: string, signal: AbortSignal): Promise<VendorList> {
  return send('GET', `/api/v1/vendor/requests${query === '' ? '' : `?${query}`}`, isVendorList, { signal });
}

export function loadVendorRequest(id: number, signal: AbortSignal): Promise<VendorRequestDetail> {
  return send('GET', `/api/v1/vendor/requests/${id}`, isVendorDetail, { signal });
}

export function saveOverrides(id: number, version: number, answers: AnswerLine[]): Promise<unknown> {
  return send('PUT', `/api/v1/vendor/requests/${id}/overrides`, (body): body is unknown => body !== undefined, { body: { version, answers } });
}

export function loadProducts(signal: AbortSignal): Promise<ProductList> {
  return send('GET', '/api/v1/vendor/products', isProducts, { signal });
}

export function createProduct(name: string, note: string): Promise<Product> {
  return send('POST', '/api/v1/vendor/products', isProduct, { body: { name, note } });
}

export function loadProductAnswers(id: number, fiscalYear: number, signal: AbortSignal): Promise<ProductAnswers> {
  return send('GET', `/api/v1/vendor/products/${id}/answers?fiscal_year=${fiscalYear}`, isProductAnswers, { signal });
}

export function saveProductAnswers(id: number, fiscalYear: number, version: number, answers: AnswerLine[]): Promise<ProductAnswers> {
  return send('PUT', `/api/v1/vendor/products/${id}/answers?fiscal_year=${fiscalYear}`, isProductAnswers, { body: { fiscal_year: fiscalYear, version, answers } });
}

export type ShareTarget = { request_ids: number[] } | { all_outstanding: true };

export function shareProduct(id: number, fiscalYear: number, target: ShareTarget): Promise<ShareResult> {
  return send('POST', `/api/v1/vendor/products/${id}/share`, isShareResult, { body: { fiscal_year: fiscalYear, ...target } });
}

/** The fiscal year (April to March, Japan time) of today. */
export function currentFiscalYear(now: Date = new Date()): number {
  const jst = new Date(now.getTime() + 9 * 3600_000);
  return jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
}

/** Today in Japan time as YYYY-MM-DD. */
export function todayJst(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
