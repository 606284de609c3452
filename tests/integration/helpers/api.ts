/**
 * A tiny typed HTTP client for the integration tests, against the cloud the global setup started
 * (MOTCUA_BASE_URL, MOTCUA_TOKENS). Bodies come back parsed when they are JSON or problem+json.
 * Every answer is checked against the documented contract (./contract.ts) before a test sees it.
 */
import { assertContract } from './contract';
import { noteRead } from './read-ledger';

export interface RequestOptions {
  /** A bearer token; see `as` to pick a demo user's token by name. */
  token?: string;
  /** A demo staff username or `citizen`: sends that user's token from the shared cloud. */
  as?: string;
  /** Sent as JSON with `content-type: application/json`. */
  body?: unknown;
  /** Sent as is; set the content type in `headers`. */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** Another cloud than the shared one (e.g. one a test started itself). */
  baseUrl?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on the shape they expect
export interface ApiResponse<T = any> {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON for JSON and `+json` types, a Buffer for PDF, text otherwise, undefined when empty. */
  body: T;
}

export function baseUrl(): string {
  const url = process.env.MOTCUA_BASE_URL;
  if (!url)
    throw new Error(
      'MOTCUA_BASE_URL is not set: run through jest --selectProjects integration (its global setup starts the cloud)',
    );
  return url;
}

export function tokens(): Record<string, string> {
  return JSON.parse(process.env.MOTCUA_TOKENS ?? '{}') as Record<string, string>;
}

/** The shared cloud's token for a demo staff username, or `citizen` for the demo citizen. */
export function tokenFor(name: string): string {
  const token = tokens()[name];
  if (!token) throw new Error(`No token for ${name}; known: ${Object.keys(tokens()).join(', ')}`);
  return token;
}

/** Gateways a test started with its own route table (echo handlers): not the API's contract. */
const otherRouteTables = new Set<string>();

/** Answers from `baseUrl` are not checked against the route table's contract. */
export function servesOtherRoutes(baseUrl: string): void {
  otherRouteTables.add(baseUrl);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function request<T = any>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  const token = options.token ?? (options.as ? tokenFor(options.as) : undefined);
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let body: string | Uint8Array | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  Object.assign(headers, options.headers);
  const response = await fetch(`${options.baseUrl ?? baseUrl()}${path}`, { method, headers, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  const contentType = response.headers.get('content-type') ?? '';
  const isJson = /^application\/([\w.-]+\+)?json\b/i.test(contentType);
  // A PDF (the printable forms) stays bytes: decoding it as UTF-8 would change it.
  const isBinary = /^application\/(pdf|octet-stream|vnd\.openxmlformats-[\w.-]+)\b/i.test(contentType);
  const parsed = (text === '' ? undefined : isJson ? JSON.parse(text) : isBinary ? bytes : text) as T;
  const base = options.baseUrl ?? baseUrl();
  if (!otherRouteTables.has(base)) {
    assertContract({ method, path, status: response.status, contentType, body: parsed });
    // Personal-data reads as staff, for the audit log's check (./read-ledger.ts).
    noteRead(base, method, path, response.status, token);
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), body: parsed };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export const api = {
  get: <T = any>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T = any>(path: string, options?: RequestOptions) => request<T>('POST', path, options),
  put: <T = any>(path: string, options?: RequestOptions) => request<T>('PUT', path, options),
  patch: <T = any>(path: string, options?: RequestOptions) => request<T>('PATCH', path, options),
  delete: <T = any>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A token for any citizen, minted by the cloud's local issuer (`POST /_local/tokens`). */
export async function newCitizenToken(
  id: string,
  name: string,
  options: { baseUrl?: string } = {},
): Promise<string> {
  const response = await api.post<{ token: string }>('/_local/tokens', {
    body: { citizen: { id, name } },
    baseUrl: options.baseUrl,
  });
  if (response.status !== 200)
    throw new Error(`/_local/tokens answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.token;
}

/** A fresh token for a demo staff member (e.g. for a cloud a test started itself). */
export async function newStaffToken(username: string, options: { baseUrl?: string } = {}): Promise<string> {
  const response = await api.post<{ token: string }>('/_local/tokens', {
    body: { username },
    baseUrl: options.baseUrl,
  });
  if (response.status !== 200)
    throw new Error(`/_local/tokens answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.token;
}
