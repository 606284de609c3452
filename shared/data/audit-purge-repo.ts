/**
 * The one module that removes audit records: only the operator's purge CLI imports it
 * (tools/audit-purge.ts), with the operator's own AWS credentials. No function may do what it does:
 * their roles deny DeleteItem and BatchWriteItem on audit partitions (infra/constructs/api-function.ts).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getDocumentClient } from '../platform/aws-clients';
import { ENV, requireEnv } from '../platform/env';
import { auditPk } from './audit-keys';
import { deleteItems } from './tenant-purge-repo';

/** Deletes one day's records of a tenant, page by page; answers how many. */
export async function purgeAuditDay(tenant: string, day: string): Promise<number> {
  let removed = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await getDocumentClient().send(
      new QueryCommand({
        TableName: requireEnv(ENV.tableName),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': auditPk(tenant, day) },
        ProjectionExpression: 'PK, SK',
        ExclusiveStartKey: startKey,
      }),
    );
    const keys = (page.Items ?? []) as Array<{ PK: string; SK: string }>;
    await deleteItems(keys);
    removed += keys.length;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return removed;
}
