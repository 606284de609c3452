/**
 * The API's CORS settings, in one place: the CDK API stack configures the HTTP API with them, and
 * the offline gateway answers preflights and decorates answers from them, so a browser meets the
 * same rules offline as in AWS. Only the allowed origins differ by deployment (a stage's `domain`).
 */
import { ROUTE_META } from './route-meta';

export interface CorsPolicy {
  /** `*`, or exact origins such as `https://motcua.example.gov.vn`. */
  allowOrigins: readonly string[];
  allowMethods: readonly string[];
  /** Lower-case header names. */
  allowHeaders: readonly string[];
  exposeHeaders: readonly string[];
  /** Bearer tokens, no cookies: credentials mode is never needed (and forbids a `*` origin). */
  allowCredentials: false;
  maxAgeSeconds: number;
}

/** Any origin: what a stage without a `domain` allows, and what the offline cloud allows. */
export const ANY_ORIGIN: readonly string[] = ['*'];

/** Headers browsers may send: the bearer token, JSON bodies and idempotent retries. */
export const CORS_ALLOW_HEADERS = [
  'authorization',
  'content-type',
  'idempotency-key',
  // The receipt secret (issue 11 §7): a page on the portal sends it from the applicant's browser.
  'x-receipt-secret',
] as const;
/** Headers scripts may read: where a created dossier is, and the version tag. */
export const CORS_EXPOSE_HEADERS = ['location', 'etag'] as const;
/** Browsers cache a preflight answer for an hour. */
export const CORS_MAX_AGE_SECONDS = 3600;

/** The methods the route table uses, sorted (the catch-all has none of its own). */
export function corsMethods(): string[] {
  return [...new Set(ROUTE_META.filter((r) => r.path !== '$default').map((r) => r.method as string))].sort();
}

export function corsPolicy(allowOrigins: readonly string[]): CorsPolicy {
  return {
    allowOrigins,
    allowMethods: corsMethods(),
    allowHeaders: CORS_ALLOW_HEADERS,
    exposeHeaders: CORS_EXPOSE_HEADERS,
    allowCredentials: false,
    maxAgeSeconds: CORS_MAX_AGE_SECONDS,
  };
}
