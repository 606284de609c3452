/**
 * The purge's and the export's reads and deletes (tenant-purge.ts, tenant-export.ts): a tenant's items are every item
 * whose partition key is `TENANT#<t>` or starts with `TENANT#<t>#` (profile, catalog, staff,
 * dossiers, counters, webhooks…), found by a Scan — the second Scan in the system, like the
 * reports rebuild's, in an operator's action and never on a citizen's or official's request path.
 * Its scans are the objects under `staging/<t>/` and `stored/<t>/`.
 *
 * Every step is idempotent (deleting what is gone is not an error) and returns where it stopped,
 * so a purge interrupted anywhere is resumed by running it again.
 */
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { getDocumentClient, getS3Client } from '../platform/aws-clients';
import { ENV, requireEnv } from '../platform/env';
import { BUCKET_AREAS, type BucketArea } from './attachment-keys';
import { tenantPk } from './table';

type Key = { PK: string; SK: string };

/** One page of a Scan for the tenant's item keys; `next` is where the following page starts. */
export async function tenantItemKeys(
  tenant: string,
  cursor: string | undefined,
): Promise<{ keys: Key[]; next?: string }> {
  const page = await getDocumentClient().send(
    new ScanCommand({
      TableName: requireEnv(ENV.tableName),
      // `TENANT#h9#` and `TENANT#h9` only: `begins_with(PK, 'TENANT#h9')` would take h98's too.
      FilterExpression: 'PK = :pk OR begins_with(PK, :under)',
      ExpressionAttributeValues: { ':pk': tenantPk(tenant), ':under': `${tenantPk(tenant)}#` },
      ProjectionExpression: 'PK, SK',
      ExclusiveStartKey: cursor ? (JSON.parse(cursor) as Record<string, unknown>) : undefined,
    }),
  );
  return {
    keys: (page.Items ?? []) as Key[],
    ...(page.LastEvaluatedKey ? { next: JSON.stringify(page.LastEvaluatedKey) } : {}),
  };
}

/** Deletes the items, 25 per BatchWriteItem, retrying what DynamoDB leaves unprocessed. */
export async function deleteItems(keys: readonly Key[]): Promise<void> {
  const table = requireEnv(ENV.tableName);
  for (let i = 0; i < keys.length; i += 25) {
    let requests: Record<string, unknown>[] = keys
      .slice(i, i + 25)
      .map((k) => ({ DeleteRequest: { Key: { PK: k.PK, SK: k.SK } } }));
    for (let round = 0; requests.length > 0; round += 1) {
      if (round > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** round)));
      const out = await getDocumentClient().send(
        new BatchWriteCommand({ RequestItems: { [table]: requests as never } }),
      );
      requests = (out.UnprocessedItems?.[table] ?? []) as Record<string, unknown>[];
    }
  }
}

/** The tenant's prefix in one area of the bucket. */
export const tenantPrefix = (tenant: string, area: BucketArea) => `${BUCKET_AREAS[area]}${tenant}/`;

/** One listing page of the tenant's objects in an area. */
export async function tenantObjectKeys(
  tenant: string,
  area: BucketArea,
  token: string | undefined,
): Promise<{ keys: string[]; next?: string }> {
  const page = await getS3Client().send(
    new ListObjectsV2Command({
      Bucket: requireEnv(ENV.bucketName),
      Prefix: tenantPrefix(tenant, area),
      ContinuationToken: token,
      MaxKeys: 200,
    }),
  );
  return {
    keys: (page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])),
    ...(page.IsTruncated && page.NextContinuationToken ? { next: page.NextContinuationToken } : {}),
  };
}

/**
 * Deletes the current version of each object. The bucket is versioned: the bytes stay as a
 * non-current version until the bucket's lifecycle rule expires them (90 days by default,
 * docs/deploy.md "Retention"), out of reach of every presigned URL the API signs.
 */
export async function deleteObjects(keys: readonly string[]): Promise<void> {
  const Bucket = requireEnv(ENV.bucketName);
  for (const Key of keys) await getS3Client().send(new DeleteObjectCommand({ Bucket, Key }));
}

/** One page of a Scan for the tenant's items, whole (the export). */
export async function tenantItems(
  tenant: string,
  cursor: string | undefined,
): Promise<{ items: Record<string, unknown>[]; next?: string }> {
  const page = await getDocumentClient().send(
    new ScanCommand({
      TableName: requireEnv(ENV.tableName),
      FilterExpression: 'PK = :pk OR begins_with(PK, :under)',
      ExpressionAttributeValues: { ':pk': tenantPk(tenant), ':under': `${tenantPk(tenant)}#` },
      ExclusiveStartKey: cursor ? (JSON.parse(cursor) as Record<string, unknown>) : undefined,
    }),
  );
  return {
    items: page.Items ?? [],
    ...(page.LastEvaluatedKey ? { next: JSON.stringify(page.LastEvaluatedKey) } : {}),
  };
}

/** An object's bytes (the export). */
export async function objectBytes(key: string): Promise<Uint8Array> {
  const out = await getS3Client().send(
    new GetObjectCommand({ Bucket: requireEnv(ENV.bucketName), Key: key }),
  );
  if (!out.Body) throw new Error(`no body for ${key}`);
  return out.Body.transformToByteArray();
}
