/**
 * CORS as an HTTP API with a CORS configuration applies it, from the policy the CDK stack also
 * uses (shared/api/cors.ts):
 * - A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) is answered by the
 *   gateway itself, 204, whether or not a route matches, before any authorizer; no function runs.
 * - Any other request with an `Origin` gets the CORS headers added to whatever answers it; CORS
 *   headers a function returns are dropped (API Gateway ignores them once CORS is configured).
 * - An origin not allowed gets no `access-control-allow-*` headers, so the browser refuses.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { CorsPolicy } from '../../shared/api/cors';
import type { HttpReply } from './api-response';

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function isPreflight(method: string, headers: IncomingHttpHeaders): boolean {
  return (
    method.toUpperCase() === 'OPTIONS' &&
    header(headers, 'origin') !== undefined &&
    header(headers, 'access-control-request-method') !== undefined
  );
}

/** What `Access-Control-Allow-Origin` says to this origin, or undefined when it is not allowed. */
export function allowedOrigin(policy: CorsPolicy, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (policy.allowOrigins.includes('*')) return '*';
  return policy.allowOrigins.includes(origin) ? origin : undefined;
}

export function preflightReply(policy: CorsPolicy, headers: IncomingHttpHeaders): HttpReply {
  const origin = allowedOrigin(policy, header(headers, 'origin'));
  return {
    statusCode: 204,
    headers:
      origin === undefined
        ? {}
        : {
            'access-control-allow-origin': origin,
            'access-control-allow-methods': policy.allowMethods.join(','),
            'access-control-allow-headers': policy.allowHeaders.join(','),
            'access-control-max-age': String(policy.maxAgeSeconds),
            ...(policy.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
          },
    body: Buffer.alloc(0),
  };
}

/** The reply with the function's own CORS headers replaced by the policy's. */
export function withCors(policy: CorsPolicy, headers: IncomingHttpHeaders, reply: HttpReply): HttpReply {
  const kept = Object.fromEntries(
    Object.entries(reply.headers).filter(([name]) => !name.toLowerCase().startsWith('access-control-')),
  );
  const origin = allowedOrigin(policy, header(headers, 'origin'));
  if (origin === undefined) return { ...reply, headers: kept };
  return {
    ...reply,
    headers: {
      ...kept,
      'access-control-allow-origin': origin,
      ...(policy.exposeHeaders.length > 0
        ? { 'access-control-expose-headers': policy.exposeHeaders.join(',') }
        : {}),
      ...(policy.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
    },
  };
}
