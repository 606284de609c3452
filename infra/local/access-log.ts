/**
 * The offline gateway's access log line: the stage's format (shared/api/access-log.ts), each field
 * filled with what API Gateway would put in its `$context` variable, `-` where it has none. Built
 * from the one field list, so the API-call counter reads the same lines offline and in AWS.
 */
import { ACCESS_LOG_FIELDS, ACCESS_LOG_MISSING, type AccessLogLine } from '../../shared/api/access-log';
import { formatRequestTime } from './api-event';

/** What the gateway knows of one request once it has answered. */
export interface AccessRecord {
  requestId: string;
  receivedAt: Date;
  sourceIp: string;
  userAgent?: string;
  method: string;
  path: string;
  /** `-` when no route matched (the gateway's own 404). */
  routeKey?: string;
  status: number;
  protocol: string;
  responseLength: number;
  latencyMs: number;
  integrationLatencyMs?: number;
  integrationStatus?: number;
  error?: string;
  authorizerError?: string;
  /** The JWT's claims, when the authorizer let the call through. */
  claims?: Record<string, unknown>;
}

const CLAIM_PREFIX = '$context.authorizer.claims.';

function contextVariables(r: AccessRecord): Record<string, string | number | undefined> {
  return {
    '$context.requestId': r.requestId,
    '$context.requestTime': formatRequestTime(r.receivedAt),
    '$context.requestTimeEpoch': r.receivedAt.getTime(),
    '$context.identity.sourceIp': r.sourceIp,
    '$context.identity.userAgent': r.userAgent,
    '$context.httpMethod': r.method,
    '$context.path': r.path,
    '$context.routeKey': r.routeKey,
    '$context.status': r.status,
    '$context.protocol': r.protocol,
    '$context.responseLength': r.responseLength,
    '$context.responseLatency': r.latencyMs,
    '$context.integrationLatency': r.integrationLatencyMs,
    '$context.integrationStatus': r.integrationStatus,
    '$context.integrationErrorMessage': undefined,
    '$context.error.message': r.error,
    '$context.authorizer.error': r.authorizerError,
  };
}

export function accessLogLine(record: AccessRecord): string {
  const known = contextVariables(record);
  const line = Object.fromEntries(
    Object.entries(ACCESS_LOG_FIELDS).map(([field, variable]) => {
      const value = variable.startsWith(CLAIM_PREFIX)
        ? record.claims?.[variable.slice(CLAIM_PREFIX.length)]
        : known[variable];
      if (!(variable in known) && !variable.startsWith(CLAIM_PREFIX))
        throw new Error(`the offline gateway has no value for ${variable} (field ${field})`);
      return [field, value === undefined || value === '' ? ACCESS_LOG_MISSING : String(value)];
    }),
  ) as AccessLogLine;
  return JSON.stringify(line);
}
