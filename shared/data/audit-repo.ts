/**
 * The audit log (shared/domain/audit).
 *
 *   record   PK TENANT#<t>#AUDIT#<YYYY-MM-DD>   SK <UTC ISO instant>#<sortable random id>
 *
 * One partition per tenant and Vietnamese day: a busy province spreads over its days instead of
 * making one hot partition, and a period is read as its days' partitions, newest first. The key
 * begins with the tenant like every other (no query crosses provinces).
 *
 * Append-only: records are only ever put, on the condition that no item has the key
 * (`attribute_not_exists`), and nothing here updates or deletes one. In AWS every function's role
 * carries an explicit Deny of UpdateItem, DeleteItem, BatchWriteItem and PartiQL update/delete on
 * these partitions (infra/constructs/api-function.ts, with shared/data/audit-keys.ts). Only the
 * operator's purge (a CLI with the operator's own credentials) removes them, after the retention.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  auditDay,
  auditPosition,
  dayOfPosition,
  daysNewestFirst,
  matches,
  type AuditFilter,
  type AuditRecord,
} from '../domain/audit';
import { getDocumentClient } from '../platform/aws-clients';
import { ENV, requireEnv } from '../platform/env';
import { auditPk, AUDIT_PARTITION_PATTERN } from './audit-keys';

const tableName = () => requireEnv(ENV.tableName);

export { auditPk, AUDIT_PARTITION_PATTERN };

/** Fails (ConditionalCheckFailedException) rather than replace a record with the same key. */
export async function putAuditRecord(record: AuditRecord): Promise<void> {
  const day = auditDay(new Date(record.at));
  await getDocumentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        PK: auditPk(record.tenant, day),
        SK: auditPosition(record),
        ...record,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

const recordOf = (item: Record<string, unknown>): AuditRecord => {
  const { PK: _pk, SK: _sk, ...rest } = item;
  return rest as unknown as AuditRecord;
};

export interface AuditPage {
  items: AuditRecord[];
  /** The position to resume after (newest first); absent when the period is exhausted. */
  next?: string;
}

/**
 * A page of records matching `filter`, newest first, after `page.after` (a position). At most
 * `budget` records are read per call: a filter that matches few of many records answers a short
 * page with a cursor at the last record read, rather than reading a quarter of a busy province in
 * one request.
 */
export async function auditPage(
  tenant: string,
  filter: AuditFilter,
  page: { after?: string; limit: number },
  budget = 5000,
): Promise<AuditPage> {
  const items: AuditRecord[] = [];
  const startDay = page.after ? dayOfPosition(page.after) : undefined;
  let read = 0;
  for (const day of daysNewestFirst(filter.from, filter.to)) {
    if (startDay !== undefined && day > startDay) continue;
    const before = startDay === day ? page.after : undefined;
    let startKey: Record<string, unknown> | undefined;
    do {
      const res = await getDocumentClient().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: before ? 'PK = :pk AND SK < :before' : 'PK = :pk',
          ExpressionAttributeValues: {
            ':pk': auditPk(tenant, day),
            ...(before ? { ':before': before } : {}),
          },
          ScanIndexForward: false,
          Limit: 500,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of res.Items ?? []) {
        read++;
        const record = recordOf(item);
        if (!matches(record, filter)) continue;
        items.push(record);
        if (items.length > page.limit) {
          const shown = items.slice(0, page.limit);
          return { items: shown, next: auditPosition(shown.at(-1)!) };
        }
      }
      startKey = res.LastEvaluatedKey;
      if (startKey && read >= budget) return { items, next: String(startKey.SK) };
    } while (startKey);
  }
  return { items };
}
