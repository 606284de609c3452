/**
 * The API's access log line: one JSON object per request, its fields and the `$context` variable
 * each holds. One source for the stage's log format (infra/constructs/api-stage.ts), the offline
 * gateway's log (infra/local/access-log.ts) and the reader that counts API calls per tenant
 * (shared/usecases/api-calls.ts).
 *
 * Values are quoted: API Gateway writes `-` for a missing value, which would break an unquoted
 * number.
 */
import { CLAIMS } from '../platform/claims';

/** HTTP APIs expose a JWT's claims as `$context.authorizer.claims.<name>`, colon included. */
const claim = (name: string) => `$context.authorizer.claims.${name}`;

export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  error: '$context.error.message',
  authorizerError: '$context.authorizer.error',
  // Who asked (a pseudonymous id, not a name): enough to follow one user's requests in an inquiry.
  sub: claim(CLAIMS.subject),
  // What API calls are counted by (docs/usage.md): the caller's tenant, whether it is an agency's
  // system (its client-credentials token names a client), and the instant in ms for the month.
  tenant: claim(CLAIMS.tenant),
  clientId: claim(CLAIMS.clientId),
  requestTimeEpoch: '$context.requestTimeEpoch',
} as const;

export type AccessLogField = keyof typeof ACCESS_LOG_FIELDS;
export type AccessLogLine = Record<AccessLogField, string>;

/** What API Gateway writes for a variable without a value. */
export const ACCESS_LOG_MISSING = '-';

/** The stage's format string: the field list with each variable in quotes. */
export const accessLogFormat = (): string => JSON.stringify(ACCESS_LOG_FIELDS);
