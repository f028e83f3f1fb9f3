// The fetch used by every identity page. State-changing requests carry the session's CSRF token
// (X-CSRF-Token), which the server hands out in the JSON of login, setup, MFA and GET /session answers and
// which is kept only in memory. Problems (RFC 9457) keep their code, detail and per-field errors.
import { ApiError, isRecord } from '../api/http';
import { noteSessionUse } from './idle';

export interface FieldProblem {
  field: string;
  message: string;
  /** A stable reason the page words in its own language, when the server gives one, and its value. */
  reason?: string;
  value?: string;
}

export class ProblemError extends ApiError {
  /** The problem's `errors` list: which input field is wrong and why (English, from the server). */
  readonly fields: readonly FieldProblem[];
  /** The whole problem document, for members some answers add (a 409's `current`, say). */
  readonly body: Readonly<Record<string, unknown>> | null;

  constructor(
    status: number,
    code: string | null,
    detail: string | null,
    fields: FieldProblem[],
    body: Record<string, unknown> | null = null,
  ) {
    super('http', status, code, detail);
    this.name = 'ProblemError';
    this.fields = fields;
    this.body = body;
  }

  /** The first field named in the problem, if any ("roles[0]" counts as "roles"). */
  field(): string | null {
    const first = this.fields[0]?.field;
    return first === undefined ? null : first.replace(/\[\d+\]$/, '');
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Every answered request with the session restarts the server's idle timer. */
function noteAnswered(): void {
  if (csrfToken !== null) noteSessionUse();
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token === '' ? null : token;
}

/** Called when a request made with the session gets 401: the session ended (expired, disabled, logged out). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

function fieldsOf(body: Record<string, unknown>): FieldProblem[] {
  const errors = body['errors'];
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((error: unknown) =>
    isRecord(error) && typeof error['field'] === 'string'
      ? [
          {
            field: error['field'],
            message: typeof error['message'] === 'string' ? error['message'] : '',
            ...(typeof error['reason'] === 'string' ? { reason: error['reason'] } : {}),
            ...(typeof error['value'] === 'string' ? { value: error['value'] } : {}),
          },
        ]
      : [],
  );
}

async function problemFrom(response: Response): Promise<ProblemError> {
  let code: string | null = null;
  let detail: string | null = null;
  let fields: FieldProblem[] = [];
  let document: Record<string, unknown> | null = null;
  try {
    const body: unknown = await response.json();
    if (isRecord(body)) {
      document = body;
      if (typeof body['code'] === 'string' && body['code'] !== '') code = body['code'];
      if (typeof body['detail'] === 'string' && body['detail'] !== '') detail = body['detail'];
      else if (typeof body['title'] === 'string' && body['title'] !== '') detail = body['title'];
      fields = fieldsOf(body);
    }
  } catch {
    // Not JSON (a proxy's error page): the status alone has to do.
  }
  return new ProblemError(response.status, code, detail, fields, document);
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** A JSON body. */
  body?: unknown;
  /** A file sent as it is (evidence, an import), instead of `body`. */
  raw?: { data: Blob; type: string };
  signal?: AbortSignal;
  /**
   * The request is part of logging in (password, code, setup, invitation): a 401 there means "wrong
   * password or code", not "the session ended", so it does not sign the page out.
   */
  loginStep?: boolean;
}

/**
 * Sends a request to the API and returns the decoded body once `guard` accepts it (or `undefined` for
 * 204 No Content when no guard is given). Throws ProblemError for a non-2xx answer and ApiError for a
 * network failure or an unexpected body.
 */
export async function send<T = undefined>(
  method: Method,
  path: string,
  guard: ((body: unknown) => body is T) | null,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (options.raw !== undefined) {
    headers['Content-Type'] = options.raw.type;
    payload = options.raw.data;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(payload === undefined ? {} : { body: payload }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError('network', 0, null, null);
  }
  if (!response.ok) {
    const problem = await problemFrom(response);
    if (response.status === 401 && options.loginStep !== true) onUnauthenticated?.();
    else if (response.status !== 401) noteAnswered();
    throw problem;
  }
  noteAnswered();
  if (guard === null || response.status === 204) return undefined as T;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError('invalid', response.status, null, null);
  }
  if (!guard(body)) throw new ApiError('invalid', response.status, null, null);
  return body;
}
