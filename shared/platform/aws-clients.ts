/**
 * One client per AWS service, created once per container (inside a tenant scope, one per tenant).
 * Tracing is Lambda's own, without wrapping the clients (docs/cold-start.md). Endpoints come from the
 * standard `AWS_ENDPOINT_URL_<SERVICE>` variables, which is how the offline cloud points the very
 * same code at DynamoDB Local and s3rver.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { KMSClient } from '@aws-sdk/client-kms';
import { ENV, optionalEnv } from './env';
import { currentTenantScope, type TenantScope } from './tenant-scope-context';

let dynamoClient: DynamoDBClient | undefined;
let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3Client | undefined;
let sfnClient: SFNClient | undefined;
let sqsClient: SQSClient | undefined;
let cognitoClient: CognitoIdentityProviderClient | undefined;
let sesClient: SESv2Client | undefined;
let snsClient: SNSClient | undefined;
let kmsClient: KMSClient | undefined;

/**
 * Hooks run on every DynamoDB and S3 client made here, the per-tenant ones included: the offline
 * cloud's access guard and meters (infra/local/cloud.ts) see every call whatever credentials sign it.
 */
type ClientHook<C> = (client: C) => void;
const dynamoHooks: Array<ClientHook<DynamoDBClient>> = [];
const s3Hooks: Array<ClientHook<S3Client>> = [];
/** Per tenant (issue 11 §3): clients signing with the tenant's scoped credentials. */
const tenantDynamo = new Map<string, { client: DynamoDBClient; document: DynamoDBDocumentClient }>();
const tenantS3 = new Map<string, S3Client>();

/** Runs `hook` on the DynamoDB clients made so far and on every one made later. */
export function onDynamoClient(hook: ClientHook<DynamoDBClient>): void {
  dynamoHooks.push(hook);
  if (dynamoClient) hook(dynamoClient);
  for (const { client } of tenantDynamo.values()) hook(client);
}

/** Runs `hook` on the S3 clients made so far and on every one made later. */
export function onS3Client(hook: ClientHook<S3Client>): void {
  s3Hooks.push(hook);
  if (s3Client) hook(s3Client);
  for (const client of tenantS3.values()) hook(client);
}

const newDynamoClient = (scope?: TenantScope): DynamoDBClient => {
  const client = new DynamoDBClient(scope === undefined ? {} : { credentials: scope.credentials });
  for (const hook of dynamoHooks) hook(client);
  return client;
};

const documentClientOf = (client: DynamoDBClient) =>
  DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });

/** The execution role's client (for a tenant-scoped function: its platform reads only). */
export function getDynamoClient(): DynamoDBClient {
  dynamoClient ??= newDynamoClient();
  return dynamoClient;
}

/** Inside a tenant scope (tenant-credentials.ts), the tenant's client; else the execution role's. */
export function getDocumentClient(): DynamoDBDocumentClient {
  const scope = currentTenantScope();
  if (scope !== undefined) {
    let scoped = tenantDynamo.get(scope.tenant);
    if (!scoped) {
      const client = newDynamoClient(scope);
      scoped = { client, document: documentClientOf(client) };
      tenantDynamo.set(scope.tenant, scoped);
    }
    return scoped.document;
  }
  documentClient ??= documentClientOf(getDynamoClient());
  return documentClient;
}

/** Inside a tenant scope, the tenant's client (its presigned URLs too); else the execution role's. */
export function getS3Client(): S3Client {
  const scope = currentTenantScope();
  const make = () => {
    const client = new S3Client({
      forcePathStyle: optionalEnv(ENV.s3ForcePathStyle, 'false') === 'true',
      ...(scope === undefined ? {} : { credentials: scope.credentials }),
    });
    for (const hook of s3Hooks) hook(client);
    return client;
  };
  if (scope !== undefined) {
    let scoped = tenantS3.get(scope.tenant);
    if (!scoped) tenantS3.set(scope.tenant, (scoped = make()));
    return scoped;
  }
  s3Client ??= make();
  return s3Client;
}

export function getSfnClient(): SFNClient {
  sfnClient ??= new SFNClient({});
  return sfnClient;
}

export function getSqsClient(): SQSClient {
  sqsClient ??= new SQSClient({});
  return sqsClient;
}

/** Only the route that registers agencies' systems uses it (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER offline). */
export function getCognitoClient(): CognitoIdentityProviderClient {
  cognitoClient ??= new CognitoIdentityProviderClient({});
  return cognitoClient;
}

/** Notifications' e-mail (AWS_ENDPOINT_URL_SESV2 offline: the local mailbox). */
export function getSesClient(): SESv2Client {
  sesClient ??= new SESv2Client({});
  return sesClient;
}

/** Notifications' SMS through SNS (AWS_ENDPOINT_URL_SNS offline: the local mailbox). */
export function getSnsClient(): SNSClient {
  snsClient ??= new SNSClient({});
  return snsClient;
}

/** Tenants' personal-data keys (AWS_ENDPOINT_URL_KMS offline: the local KMS, infra/local/kms.ts). */
export function getKmsClient(): KMSClient {
  kmsClient ??= new KMSClient({});
  return kmsClient;
}
