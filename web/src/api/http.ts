// A tiny typed helper for the JSON API under /api/v1. Errors come back as RFC 9457 problem+json
// documents; their `detail` is kept so that pages can show the server's own explanation.

export type ApiErrorKind = 'network' | 'http' | 'invalid';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** Machine-readable problem code (e.g. "not_found"), when the server gave one. */
  readonly code: string | null;
  /** The problem's human-readable `detail`, when the server gave one. */
  readonly detail: string | null;

  constructor(kind: ApiErrorKind, status: number, code: string | null, detail: string | null) {
    super(detail ?? `${kind} error${status === 0 ? '' : ` (HTTP ${status})`}`);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

async function problemFrom(response: Response): Promise<ApiError> {
  let code: string | null = null;
  let detail: string | null = null;
  try {
    const body: unknown = await response.json();
    if (isRecord(body)) {
      code = stringField(body, 'code');
      detail = stringField(body, 'detail') ?? stringField(body, 'title');
    }
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): the status alone has to do.
  }
  return new ApiError('http', response.status, code, detail);
}

/**
 * GETs `path` (e.g. "/api/v1/catalog/editions") and returns the decoded body once `guard` accepts its
 * shape. Throws ApiError on network failure, a non-2xx answer or an unexpected body; an aborted request
 * rejects with the AbortError as usual.
 */
export async function getJson<T>(path: string, guard: (body: unknown) => body is T, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', 0, null, null);
  }
  if (!response.ok) throw await problemFrom(response);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError('invalid', response.status, null, null);
  }
  if (!guard(body)) throw new ApiError('invalid', response.status, null, null);
  return body;
}
