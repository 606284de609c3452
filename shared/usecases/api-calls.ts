/**
 * API calls per tenant and month (issue 10 §4, docs/usage.md), counted from the API's access log:
 * a batch of log lines delivered by the log group's subscription is attributed line by line
 * (shared/domain/usage/api-calls.ts), summed per tenant and month, and each tenant's sums are
 * written in one transaction with a mark of the batch. CloudWatch Logs may deliver a batch again
 * (the function's asynchronous retries): the same log events give the same mark, which is there,
 * and the copy counts nothing.
 */
import { createHash } from 'node:crypto';
import type { CloudWatchLogsDecodedData } from 'aws-lambda';
import type { AccessLogLine } from '../api/access-log';
import { getTenantRecord } from '../data/tenant-record-read';
import { commitMarkedUsage } from '../data/usage-repo';
import { apiCallOf, sumApiCalls, type ApiCall } from '../domain/usage';
import { clock } from '../platform/clock';
import { logger } from '../platform/observability';

export interface ApiCallsOutcome {
  /** Lines counted for a tenant. */
  counted: number;
  /** Tenants whose share of the batch had been counted before (a redelivery). */
  duplicateTenants: number;
  /** Lines that count for no tenant: no route, no tenant, an operator's, or unreadable. */
  ignored: number;
  /** Lines naming a tenant that does not exist (a public path with a made-up tenant). */
  unknownTenant: number;
}

/** The batch's mark: its log events' ids, which a redelivery repeats. */
export function batchMark(eventIds: readonly string[]): string {
  const digest = createHash('sha256')
    .update([...eventIds].sort().join('\n'))
    .digest('base64url');
  return `calls:${digest.slice(0, 32)}`;
}

function parseLine(message: string): Partial<AccessLogLine> | undefined {
  try {
    const parsed: unknown = JSON.parse(message);
    return parsed && typeof parsed === 'object' ? (parsed as Partial<AccessLogLine>) : undefined;
  } catch {
    return undefined;
  }
}

export async function countApiCalls(batch: CloudWatchLogsDecodedData): Promise<ApiCallsOutcome> {
  const calls: ApiCall[] = [];
  for (const event of batch.logEvents ?? []) {
    const line = parseLine(event.message);
    const call = line
      ? apiCallOf({
          path: line.path ?? '-',
          routeKey: line.routeKey ?? '-',
          status: line.status ?? '-',
          tenant: line.tenant ?? '-',
          clientId: line.clientId ?? '-',
          requestTimeEpoch: line.requestTimeEpoch ?? '-',
          integrationStatus: line.integrationStatus ?? '-',
        })
      : undefined;
    if (call) calls.push(call);
  }
  const outcome: ApiCallsOutcome = {
    counted: 0,
    duplicateTenants: 0,
    ignored: (batch.logEvents?.length ?? 0) - calls.length,
    unknownTenant: 0,
  };
  if (calls.length === 0) return outcome;
  const mark = batchMark(batch.logEvents.map((e) => e.id));
  const nowSeconds = Math.floor(clock.now().getTime() / 1000);
  const perTenant = sumApiCalls(calls);
  await Promise.all(
    [...perTenant].map(async ([tenant, byMonth]) => {
      const lines = [...byMonth.values()].reduce((n, i) => n + (i.apiCalls ?? 0), 0);
      // A public path names any tenant its caller types: only tenants that exist get a month item.
      if (!(await getTenantRecord(tenant))) {
        outcome.unknownTenant += lines;
        return;
      }
      if (await commitMarkedUsage(tenant, mark, byMonth, nowSeconds)) outcome.counted += lines;
      else outcome.duplicateTenants += 1;
    }),
  );
  if (outcome.duplicateTenants > 0) logger.info('api calls already counted', { mark, ...outcome });
  return outcome;
}
