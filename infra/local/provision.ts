/**
 * Creates what the CDK stacks create in AWS, on the emulators: the single table (keys from
 * TABLE_KEYS, the same source the CDK table uses) and the attachments bucket with browser CORS.
 * Idempotent: existing resources and their data are left alone, so a restart keeps every dossier.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { TABLE_KEYS } from '../../shared/data/keys';

export interface ProvisionTargets {
  dynamodb: DynamoDBClient;
  s3: S3Client;
  tableName: string;
  bucketName: string;
}

export async function provision(targets: ProvisionTargets): Promise<void> {
  await Promise.all([
    ensureTable(targets.dynamodb, targets.tableName),
    ensureBucket(targets.s3, targets.bucketName),
  ]);
}

export async function ensureTable(dynamodb: DynamoDBClient, tableName: string): Promise<void> {
  const existing = await describeTable(dynamodb, tableName);
  if (existing) assertSameKeys(existing, tableName);
  else await createTable(dynamodb, tableName);
  await ensureTtl(dynamodb, tableName);
}

async function describeTable(
  dynamodb: DynamoDBClient,
  tableName: string,
): Promise<TableDescription | undefined> {
  try {
    return (await dynamodb.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function createTable(dynamodb: DynamoDBClient, tableName: string): Promise<void> {
  const { partitionKey, sortKey, gsi1 } = TABLE_KEYS;
  await dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [partitionKey, sortKey, gsi1.partitionKey, gsi1.sortKey].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: gsi1.name,
          KeySchema: [
            { AttributeName: gsi1.partitionKey, KeyType: 'HASH' },
            { AttributeName: gsi1.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      // The outbox consumers (webhooks, reports) read the stream; both images so a consumer can
      // tell what changed.
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
}

/**
 * A data dir made by an older key layout would fail in confusing ways later; say it now. Nothing
 * is deleted: the developer decides whether to remove the data dir.
 */
function assertSameKeys(table: TableDescription, tableName: string): void {
  const { partitionKey, sortKey, gsi1 } = TABLE_KEYS;
  const keys = (table.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
  const gsi = table.GlobalSecondaryIndexes?.find((i) => i.IndexName === gsi1.name);
  const gsiKeys = (gsi?.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
  const wantKeys = `${partitionKey}:HASH,${sortKey}:RANGE`;
  const wantGsi = `${gsi1.partitionKey}:HASH,${gsi1.sortKey}:RANGE`;
  if (keys !== wantKeys || gsiKeys !== wantGsi) {
    throw new Error(
      `Table ${tableName} in the data dir has keys [${keys}] / ${gsi1.name} [${gsiKeys}], expected [${wantKeys}] / [${wantGsi}]. ` +
        'It was made by another version: remove the data dir (or point MOTCUA_DATA_DIR elsewhere) to start fresh.',
    );
  }
}

async function ensureTtl(dynamodb: DynamoDBClient, tableName: string): Promise<void> {
  const current = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = current.TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  await dynamodb.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttl, Enabled: true },
    }),
  );
}

/** Browsers PUT/POST scans straight to presigned URLs and GET them back, from any local origin. */
const CORS_RULES = [
  {
    AllowedOrigins: ['*'],
    AllowedMethods: ['GET', 'PUT', 'POST', 'HEAD'],
    AllowedHeaders: ['*'],
    ExposeHeaders: ['ETag'],
    MaxAgeSeconds: 3000,
  },
];

export async function ensureBucket(s3: S3Client, bucketName: string): Promise<void> {
  if (!(await bucketExists(s3, bucketName))) await s3.send(new CreateBucketCommand({ Bucket: bucketName }));
  // Written every start: cheap, and a changed rule reaches old data dirs too.
  await s3.send(
    new PutBucketCorsCommand({ Bucket: bucketName, CORSConfiguration: { CORSRules: CORS_RULES } }),
  );
}

async function bucketExists(s3: S3Client, bucketName: string): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucketName }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return false;
    throw error;
  }
}
