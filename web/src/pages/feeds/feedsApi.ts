// The vulnerability feeds API (src/api/feed_handlers.cpp). Guards are shallow: they catch a wrong endpoint.
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';

export type FeedName = 'kev' | 'nvd_cve' | 'nvd_cpe' | 'jvn';
export const feedNames: readonly FeedName[] = ['kev', 'nvd_cve', 'nvd_cpe', 'jvn'];

export interface FeedImport {
  id: number;
  feed: FeedName;
  source_name: string;
  status: 'running' | 'done' | 'failed';
  records_read: number;
  records_written: number;
  records_unchanged: number;
  watermark: string;
  error: string;
  user_login: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface FeedStatus {
  feed: FeedName;
  records: number;
  watermark: string;
  last_import: FeedImport | null;
  last_success: FeedImport | null;
  products?: number;
  rejected?: number;
  cve_links?: number;
}

export interface ImportResult {
  import_id: number;
  feed: FeedName;
  source_name: string;
  records_read: number;
  records_written: number;
  records_unchanged: number;
  records_skipped_older: number;
  rows_changed: number;
  watermark: string;
  files: { name: string; format: string; records: number; start_index?: number; results_per_page?: number; total_results?: number }[];
  changed_cve_ids: string[];
}

export interface CveDetail {
  cve_id: string;
  nvd: {
    status: string;
    published: string;
    last_modified: string;
    description: string;
    cvss_version: string;
    cvss_score: number | null;
    cvss_severity: string;
    cvss_vector: string;
  } | null;
  products: { part: string; vendor: string; product: string }[];
  kev: {
    vendor_project: string;
    product: string;
    vulnerability_name: string;
    date_added: string;
    due_date: string | null;
    ransomware_use: 'Known' | 'Unknown';
    short_description: string;
    required_action: string;
    notes: string;
  } | null;
  jvn: { jvndb_id: string; title: string; summary: string; link: string; published: string; last_modified: string; cvss_score: number | null; cvss_severity: string }[];
}

const isStatus = (body: unknown): body is { feeds: FeedStatus[] } => isRecord(body) && Array.isArray(body.feeds);
const isHistory = (body: unknown): body is { imports: FeedImport[] } => isRecord(body) && Array.isArray(body.imports);
const isResult = (body: unknown): body is ImportResult => isRecord(body) && typeof body.import_id === 'number';
const isCve = (body: unknown): body is CveDetail => isRecord(body) && typeof body.cve_id === 'string' && Array.isArray(body.jvn);

export const loadFeedStatus = async (signal: AbortSignal) => (await send('GET', '/api/v1/feeds', isStatus, { signal })).feeds;
export const loadFeedHistory = async (signal: AbortSignal) =>
  (await send('GET', '/api/v1/feeds/imports?limit=50', isHistory, { signal })).imports;
export const loadCve = (cveId: string, signal: AbortSignal) => send('GET', `/api/v1/cves/${encodeURIComponent(cveId)}`, isCve, { signal });

export function uploadFeed(feed: FeedName, file: File): Promise<ImportResult> {
  const query = new URLSearchParams({ file_name: file.name });
  return send('POST', `/api/v1/feeds/${feed}/imports?${query.toString()}`, isResult, {
    raw: { data: file, type: 'application/octet-stream' },
  });
}
