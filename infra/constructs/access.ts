/**
 * Least-privilege grants for the `access` a route declares (shared/api/routes.ts). Written out
 * instead of `table.grantReadData()` / `bucket.grantRead()` because those grant more than a
 * handler here needs and need wildcard acknowledgements for it:
 * - DynamoDB: CDK grants `Scan` (a scan crosses tenants: no handler may do it) and `<table>/index/*`;
 *   here only the indexes declared in TABLE_KEYS are named, so the policy has no wildcard at all.
 * - S3: CDK grants `s3:GetObject*`, `s3:GetBucket*`, `s3:List*`, `s3:Abort*`, `s3:DeleteObject*`
 *   on every object; here only the object actions presigned URLs and checks use, and only in the
 *   areas of the bucket a route names (`<bucket>/staging/*`, `<bucket>/stored/*`: S3 has no other
 *   way to name "the objects under this prefix"; acknowledged where granted).
 * A handler that needs another action adds it here, in one place, for every route of its kind.
 */
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, type TableItemAction } from '../../shared/api/functions';
import type { BucketAction, ResourceAccess } from '../../shared/api/routes';
import { BUCKET_AREAS, type BucketArea } from '../../shared/data/attachment-keys';
import { TABLE_KEYS } from '../../shared/data/keys';
import { RATE_BUCKET_PARTITION_PREFIX } from '../../shared/platform/rate-bucket-store';
import { AUDIT_PARTITION_PATTERN } from '../../shared/data/audit-keys';

export type TableAccess = NonNullable<ResourceAccess['table']>;
export type BucketAccess = NonNullable<ResourceAccess['bucket']>;

// The action lists live with the function table, so the offline access guard
// (infra/local/access-guard.ts) allows exactly what these grants allow.
const TABLE_READ: readonly string[] = TABLE_READ_ACTIONS;
const TABLE_WRITE: readonly string[] = TABLE_WRITE_ACTIONS;

export const TABLE_ACTIONS: Record<TableAccess, readonly string[]> = {
  read: TABLE_READ,
  readWrite: [...TABLE_READ, ...TABLE_WRITE],
};

/** Indexes the table declares; reads may query them, writes never address an index. */
const INDEX_NAMES = [TABLE_KEYS.gsi1.name];

export function grantTable(grantee: IGrantable, table: ITableV2, access: TableAccess): void {
  Grant.addToPrincipal({
    grantee,
    actions: [...TABLE_READ],
    resourceArns: [table.tableArn, ...INDEX_NAMES.map((name) => `${table.tableArn}/index/${name}`)],
  });
  if (access === 'readWrite') {
    Grant.addToPrincipal({ grantee, actions: [...TABLE_WRITE], resourceArns: [table.tableArn] });
  }
  // Only with a customer-managed key; the AWS-managed key needs no grant.
  if (access === 'readWrite') table.encryptionKey?.grantEncryptDecrypt(grantee);
  else table.encryptionKey?.grantDecrypt(grantee);
}

export type { TableItemAction };

/**
 * UpdateItem on the fair-share buckets only: the items whose partition key starts with `RATE#`
 * (shared/platform/rate-bucket-store.ts). A route whose access is `read` gates its requests too, so
 * it may write these and nothing else; `dynamodb:LeadingKeys` holds it to them.
 */
export function grantRateBuckets(grantee: IGrantable, table: ITableV2): void {
  Grant.addToPrincipal({
    grantee,
    actions: ['dynamodb:UpdateItem'],
    resourceArns: [table.tableArn],
    conditions: {
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${RATE_BUCKET_PARTITION_PREFIX}*`] },
    },
  });
}

/**
 * PutItem on the audit partitions only: a `read` route that records who read personal data
 * (`audit: true`) may append records and write nothing else. The explicit Deny every function
 * carries (api-function.ts) keeps it from changing or removing one.
 */
export function grantAuditAppend(grantee: IGrantable, table: ITableV2): void {
  Grant.addToPrincipal({
    grantee,
    actions: ['dynamodb:PutItem'],
    resourceArns: [table.tableArn],
    conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_PARTITION_PATTERN] } },
  });
  table.encryptionKey?.grantEncryptDecrypt(grantee);
}

/** Grants exactly `actions` on the table itself: narrower than `grantTable`, which serves routes. */
export function grantTableItems(
  grantee: IGrantable,
  table: ITableV2,
  actions: readonly TableItemAction[],
): void {
  if (actions.length === 0) throw new Error('grantTableItems: name at least one action');
  Grant.addToPrincipal({ grantee, actions: [...new Set(actions)], resourceArns: [table.tableArn] });
  const writes = actions.some((a) => TABLE_WRITE.includes(a));
  if (writes) table.encryptionKey?.grantEncryptDecrypt(grantee);
  else table.encryptionKey?.grantDecrypt(grantee);
}

/**
 * Object actions per bucket action. The bucket is versioned, and reading or deleting one version
 * (downloads pinned to the version confirm stored; the staged version confirm read) needs the
 * `…Version` action besides the plain one.
 */
export const BUCKET_OBJECT_ACTIONS: Record<BucketAction, readonly string[]> = {
  read: ['s3:GetObject', 's3:GetObjectVersion'],
  write: ['s3:PutObject'],
  delete: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
};

/** The objects of one area: `<bucket>/staging/*`. */
export const bucketAreaArn = (bucket: IBucket, area: BucketArea) =>
  bucket.arnForObjects(`${BUCKET_AREAS[area]}*`);

/** Grants `access`, area by area; returns the object ARNs granted (for the IAM5 acknowledgement). */
export function grantBucket(grantee: IGrantable, bucket: IBucket, access: BucketAccess): string[] {
  const areas = (Object.keys(access) as BucketArea[]).filter((area) => (access[area] ?? []).length > 0);
  if (areas.length === 0) throw new Error('grantBucket: name at least one action in one area');
  for (const area of areas) {
    Grant.addToPrincipal({
      grantee,
      actions: [...new Set((access[area] ?? []).flatMap((action) => BUCKET_OBJECT_ACTIONS[action]))],
      resourceArns: [bucketAreaArn(bucket, area)],
    });
  }
  const actions = new Set(areas.flatMap((area) => access[area] ?? []));
  // Without ListBucket S3 answers 403 instead of 404 for a key that is not there yet, and a reader
  // could not tell "not uploaded" from "not allowed".
  if (actions.has('read')) {
    Grant.addToPrincipal({ grantee, actions: ['s3:ListBucket'], resourceArns: [bucket.bucketArn] });
  }
  if (actions.has('write')) bucket.encryptionKey?.grantEncryptDecrypt(grantee);
  else bucket.encryptionKey?.grantDecrypt(grantee);
  return areas.map((area) => bucketAreaArn(bucket, area));
}
