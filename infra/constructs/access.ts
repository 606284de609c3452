/**
 * Least-privilege grants for the `access` a route declares (shared/api/routes.ts). Written out
 * instead of `table.grantReadData()` / `bucket.grantRead()` because those grant more than a
 * handler here needs and need wildcard acknowledgements for it:
 * - DynamoDB: CDK grants `Scan` (a scan crosses tenants: no handler may do it) and `<table>/index/*`;
 *   here only the indexes declared in TABLE_KEYS are named, so the policy has no wildcard at all.
 * - S3: CDK grants `s3:GetObject*`, `s3:GetBucket*`, `s3:List*`, `s3:Abort*`, `s3:DeleteObject*`;
 *   here only the object actions presigned URLs and checks use. `<bucket>/*` stays (S3 has no other
 *   way to name "the objects of this bucket") and is acknowledged where it is granted.
 * A handler that needs another action adds it here, in one place, for every route of its kind.
 */
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ResourceAccess } from '../../shared/api/routes';
import { TABLE_KEYS } from '../../shared/data/keys';

export type TableAccess = NonNullable<ResourceAccess['table']>;
export type BucketAccess = NonNullable<ResourceAccess['bucket']>;

/** Reads by key and by index; `ConditionCheckItem` lets a read-only handler guard a transaction. */
const TABLE_READ = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
/** Item writes; `TransactWriteItems` needs no action of its own, only these per item. */
const TABLE_WRITE = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

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

/**
 * Item actions a function may be granted one by one on the base table (never an index), for a
 * function whose every call is known, like a workflow task. `TransactWriteItems` needs no action of
 * its own: a transaction of Puts is allowed by `PutItem`.
 */
export type TableItemAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:ConditionCheckItem';

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

/** Object actions per access level. `s3:GetObject` also covers HEAD (the confirm step's size check). */
export const BUCKET_OBJECT_ACTIONS: Record<BucketAccess, readonly string[]> = {
  read: ['s3:GetObject'],
  readWrite: ['s3:GetObject', 's3:PutObject'],
  readWriteDelete: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
};

export function grantBucket(grantee: IGrantable, bucket: IBucket, access: BucketAccess): void {
  Grant.addToPrincipal({
    grantee,
    actions: [...BUCKET_OBJECT_ACTIONS[access]],
    resourceArns: [bucket.arnForObjects('*')],
  });
  // Without ListBucket S3 answers 403 instead of 404 for a key that is not there yet, and the
  // handler could not tell "not uploaded" from "not allowed".
  Grant.addToPrincipal({ grantee, actions: ['s3:ListBucket'], resourceArns: [bucket.bucketArn] });
  if (access === 'read') bucket.encryptionKey?.grantDecrypt(grantee);
  else bucket.encryptionKey?.grantEncryptDecrypt(grantee);
}
