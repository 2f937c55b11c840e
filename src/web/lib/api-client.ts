import type { z } from 'zod';
import type { FieldError } from '../../schema/common/problem.js';
import { readWithProgress, type DownloadProgress } from './download-progress.js';

/**
 * Fetch wrapper for the Rampart API: same-origin cookies, the CSRF header on mutations, and RFC 9457 problem
 * documents turned into a typed error that forms can spread next to their fields.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  /** seconds, from Retry-After on 429 */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    type?: string;
    title?: string;
    detail?: string;
    errors?: FieldError[];
    retryAfter?: number;
  }) {
    super(init.detail ?? init.title ?? `HTTP ${init.status}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.title = init.title ?? `HTTP ${init.status}`;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
  }

  /** The stable suffix of the problem type: `validation`, `conflict`, `rate-limited`… */
  get kind(): string {
    const i = this.type.lastIndexOf('/');
    return i >= 0 ? this.type.slice(i + 1) : this.type;
  }

  /** Field errors keyed by body field name (`body.title` → `title`). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const name = e.field.replace(/^body\./, '');
      if (out[name] === undefined) out[name] = e.message;
    }
    return out;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called once by the app: where to go when any call answers 401. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export function toQueryString(params: Record<string, QueryValue> | undefined): string {
  if (!params) return '';
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    usp.set(k, String(v));
  }
  const s = usp.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** a file sent as it is (imports), with its own content type, instead of a JSON body */
  file?: { data: Blob; contentType: string };
  /** Do not redirect to sign-in on 401 (login itself, the session probe). */
  allowUnauthenticated?: boolean;
  signal?: AbortSignal;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.file) headers['content-type'] = opts.file.contentType;
  else if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (MUTATING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`${path}${toQueryString(opts.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.file ? opts.file.data : opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, type: 'network', title: 'Network error', detail: String(e) });
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const error = await toApiError(res);
  if (error.status === 401 && !opts.allowUnauthenticated) onUnauthenticated?.();
  throw error;
}

async function toApiError(res: Response): Promise<ApiError> {
  const retry = Number(res.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  try {
    const body = (await res.json()) as Partial<{
      type: string;
      title: string;
      detail: string;
      errors: FieldError[];
      message: string;
    }>;
    return new ApiError({
      status: res.status,
      type: body.type,
      title: body.title,
      detail: body.detail ?? body.message,
      errors: Array.isArray(body.errors) ? body.errors : [],
      retryAfter,
    });
  } catch {
    return new ApiError({ status: res.status, title: res.statusText, retryAfter });
  }
}

/** A file the server answers (a ZIP, a document), with the name from its Content-Disposition. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | undefined;
}

/**
 * A call whose answer is a file rather than JSON (e.g. a POST that builds a ZIP): the same cookies, CSRF header and
 * problem+json errors as `request`.
 */
export async function requestFile(
  method: string,
  path: string,
  opts: Omit<RequestOptions, 'file' | 'query'> & { onProgress?: (p: DownloadProgress) => void } = {},
): Promise<DownloadedFile> {
  const headers: Record<string, string> = { accept: '*/*' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (MUTATING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  opts.onProgress?.({ phase: 'building', received: 0, total: null });
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, type: 'network', title: 'Network error', detail: String(e) });
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (error.status === 401 && !opts.allowUnauthenticated) onUnauthenticated?.();
    throw error;
  }
  const blob = opts.onProgress ? await readWithProgress(res, opts.onProgress) : await res.blob();
  return { blob, fileName: fileNameOf(res.headers.get('content-disposition')) };
}

/** `attachment; filename="x.zip"` (or RFC 5987 `filename*=UTF-8''…`) → the file name, without any folder. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  let name: string | undefined;
  try {
    name = star?.[1] ? decodeURIComponent(star[1].trim().replace(/^"|"$/g, '')) : plain?.[1]?.trim();
  } catch {
    name = plain?.[1]?.trim();
  }
  return name ? name.split(/[\\/]/).pop() || undefined : undefined;
}

/** Anything with Zod's `safeParse`: the response schemas of `src/schema`, shared with the server's routes. */
export type ResponseSchema = z.ZodType;

/**
 * The answer checked against the schema the server declares for the route (the same Zod schema): a mismatch is a
 * broken contract between server and web, reported as an `ApiError` of kind `contract` naming the first field that
 * differs, instead of a screen that renders `undefined`.
 */
function check<S extends ResponseSchema>(method: string, path: string, schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(answer)';
  throw new ApiError({
    status: 0,
    type: 'contract',
    title: 'Unexpected answer from the server',
    detail: `${method} ${path.split('?')[0]}: ${where}: ${issue?.message ?? 'does not match'}`,
  });
}

async function checked<S extends ResponseSchema>(
  method: string,
  path: string,
  schema: S,
  opts: RequestOptions,
): Promise<z.output<S>> {
  return check(method, path, schema, await request<unknown>(method, path, opts));
}

/**
 * Calls of the API. Each answer is checked against the route's response schema: `api.get(path, schema)`,
 * `api.post(path, body, schema)`; an answer that does not match is an ApiError of kind `contract`.
 */
export const api = {
  get: <S extends ResponseSchema>(path: string, schema: S, opts: RequestOptions = {}): Promise<z.output<S>> =>
    checked('GET', path, schema, opts),
  post: withBody('POST'),
  put: withBody('PUT'),
  patch: withBody('PATCH'),
  /** POST a file's bytes as the body (register imports): `text/csv` or the XLSX type. */
  upload: <S extends ResponseSchema>(
    path: string,
    data: Blob,
    contentType: string,
    schema: S,
    opts: RequestOptions = {},
  ): Promise<z.output<S>> => checked('POST', path, schema, { ...opts, file: { data, contentType } }),
  /** DELETE answers 204 without a body. */
  delete: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

function withBody(method: 'POST' | 'PUT' | 'PATCH') {
  return <S extends ResponseSchema>(
    path: string,
    body: unknown,
    schema: S,
    opts: RequestOptions = {},
  ): Promise<z.output<S>> => checked(method, path, schema, { ...opts, body });
}

export function orgPath(org: string, rest = ''): string {
  return `/api/v1/orgs/${encodeURIComponent(org)}${rest}`;
}
