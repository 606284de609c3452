/**
 * Usage counters per tenant and month (issue 10 §4) and the marks of the events they counted.
 *
 *   month counters   PK TENANT#<t>#USAGE   SK MONTH#<yyyy-mm>   figures ADDed to (../domain/usage)
 *   counted event    PK TENANT#<t>#USAGE   SK EVENT#<event id>  expiresAt: 30 days
 *   totals           PK TENANT#<t>#USAGE   SK TOTALS            attachmentBytes ever stored, ADDed to
 *
 * One partition per tenant, under the tenant's prefix like every other item of it, so a
 * credential limited to the tenant's keys (issue 11) reaches it too. An event is counted in one
 * transaction with its mark, put on the condition that there is none: a redelivered event finds
 * the mark and changes nothing. The mark outlives the queue's 14-day retention, after which no
 * copy of the event can arrive, and then expires (TTL) so the partition does not grow for ever.
 * A tenant's months are a handful of items a year: the GB-months of a month read all of them. The
 * operator's tenant list reads only this month's item and the totals of each tenant of its page
 * (one BatchGetItem): the bytes stored before this month are the total less this month's.
 */
import { BatchGetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MonthCounters, UsageIncrements } from '../domain/usage';
import { getDocumentClient } from '../platform/aws-clients';
import { ENV, requireEnv } from '../platform/env';
import { counterAdds } from './counter-adds';
import { TABLE_KEYS } from './keys';
import { tenantPk } from './table';
import { cancellationCodes } from './transactions';

const tableName = () => requireEnv(ENV.tableName);
export const usagePk = (tenant: string) => `${tenantPk(tenant)}#USAGE`;
export const usageMonthSk = (month: string) => `MONTH#${month}`;
export const usageEventSk = (eventId: string) => `EVENT#${eventId}`;
export const USAGE_TOTALS_SK = 'TOTALS';
const MARK_TTL_SECONDS = 30 * 86_400;

function monthUpdate(tenant: string, month: string, increments: UsageIncrements) {
  // Zeros are not written: an event that changes no figure writes no month item.
  const adds = counterAdds(Object.fromEntries(Object.entries(increments).filter(([, by]) => by)));
  if (adds.clause === '') return undefined;
  return {
    TableName: tableName(),
    Key: { PK: usagePk(tenant), SK: usageMonthSk(month) },
    UpdateExpression: `SET #month = :month ADD ${adds.clause}`,
    ExpressionAttributeNames: { ...adds.names, '#month': 'month' },
    ExpressionAttributeValues: { ...adds.values, ':month': month },
  };
}

/**
 * Counts an event once: its mark and the month's ADDs in one transaction. False when the mark was
 * there (the event had been counted).
 */
export function commitEventUsage(
  tenant: string,
  eventId: string,
  month: string,
  increments: UsageIncrements,
  nowSeconds: number,
): Promise<boolean> {
  return commitMarkedUsage(tenant, eventId, new Map([[month, increments]]), nowSeconds);
}

/**
 * Counts something once under `markId` (an event's id, or a batch of access log lines): the mark
 * and the ADDs to each month in one transaction. False when the mark was there (already counted).
 */
export async function commitMarkedUsage(
  tenant: string,
  markId: string,
  byMonth: ReadonlyMap<string, UsageIncrements>,
  nowSeconds: number,
): Promise<boolean> {
  const updates = [...byMonth].flatMap(([month, increments]) => {
    const update = monthUpdate(tenant, month, increments);
    return update ? [{ Update: update }] : [];
  });
  try {
    await getDocumentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                PK: usagePk(tenant),
                SK: usageEventSk(markId),
                _et: 'UsageMark',
                [TABLE_KEYS.ttl]: nowSeconds + MARK_TTL_SECONDS,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...updates,
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

/**
 * ADDs to a month without a mark: for a caller whose own conditional write already made the
 * increment happen once (an attachment confirmed, a delivery recorded).
 */
export async function addUsage(tenant: string, month: string, increments: UsageIncrements): Promise<void> {
  const update = monthUpdate(tenant, month, increments);
  if (update) await getDocumentClient().send(new UpdateCommand(update));
}

/** The tenant's month counters up to and including `month`, oldest first. */
export async function usageMonthsUpTo(tenant: string, month: string): Promise<MonthCounters[]> {
  const out: MonthCounters[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
        ExpressionAttributeValues: {
          ':pk': usagePk(tenant),
          ':lo': usageMonthSk('0000-00'),
          ':hi': usageMonthSk(month),
        },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const { PK: _pk, SK: _sk, ...counters } = item;
      out.push(counters as MonthCounters);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * ADDs the bytes of an attachment stored to the tenant's all-time total (what the tenant list
 * reads instead of every month). Its own UpdateItem: like the month's ADD, a lost one undercounts.
 */
export async function addStoredTotal(tenant: string, bytes: number): Promise<void> {
  await getDocumentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { PK: usagePk(tenant), SK: USAGE_TOTALS_SK },
      UpdateExpression: 'ADD #bytes :bytes',
      ExpressionAttributeNames: { '#bytes': 'attachmentBytes' },
      ExpressionAttributeValues: { ':bytes': bytes },
    }),
  );
}

export interface TenantMonthRead {
  counters?: MonthCounters;
  /** Bytes ever stored (the totals item); 0 when none was. */
  storedBytes: number;
}

/** BatchGetItem takes 100 keys; two per tenant. */
const TENANTS_PER_BATCH = 50;
const MAX_BATCH_ROUNDS = 5;

/**
 * This month's counters and the stored total of each tenant, by BatchGetItem: one call for a page
 * of up to 50 tenants (plus a retry of keys DynamoDB left unprocessed, if any).
 */
export async function usageMonthOfTenants(
  tenants: readonly string[],
  month: string,
): Promise<Map<string, TenantMonthRead>> {
  const out = new Map<string, TenantMonthRead>(tenants.map((t) => [t, { storedBytes: 0 }]));
  for (let i = 0; i < tenants.length; i += TENANTS_PER_BATCH) {
    let keys: Record<string, unknown>[] | undefined = tenants.slice(i, i + TENANTS_PER_BATCH).flatMap((t) => [
      { PK: usagePk(t), SK: usageMonthSk(month) },
      { PK: usagePk(t), SK: USAGE_TOTALS_SK },
    ]);
    for (let round = 0; keys && keys.length > 0; round += 1) {
      if (round >= MAX_BATCH_ROUNDS) throw new Error('usage months: keys left unprocessed after retries');
      // Keys left unprocessed mean the table was busy: back off before asking again, as AWS advises.
      if (round > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** round));
      const answer: { Responses?: Record<string, Record<string, unknown>[]>; UnprocessedKeys?: unknown } =
        await getDocumentClient().send(
          new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }),
        );
      for (const item of answer.Responses?.[tableName()] ?? []) {
        const tenant = tenantOfUsagePk(String(item.PK));
        const read = out.get(tenant);
        if (!read) continue;
        const { PK: _pk, SK: sk, ...rest } = item;
        if (sk === USAGE_TOTALS_SK) read.storedBytes = Number(rest.attachmentBytes ?? 0);
        else read.counters = rest as MonthCounters;
      }
      const unprocessed = answer.UnprocessedKeys as
        Record<string, { Keys?: Record<string, unknown>[] }> | undefined;
      keys = unprocessed?.[tableName()]?.Keys;
    }
  }
  return out;
}

const tenantOfUsagePk = (pk: string): string => pk.slice(tenantPk('').length, -'#USAGE'.length);
