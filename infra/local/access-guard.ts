/**
 * IAM, offline: a call a function makes to DynamoDB, S3 or Step Functions is refused with
 * AccessDeniedException unless its `access` (function table or route table) grants it, as the
 * least-privilege policies CDK builds from the same `access` would (infra/constructs/access.ts).
 *
 * Why, next to per-function environments (function-env.ts): the data layer and the SDK clients are
 * modules shared by every function in the one offline process, so a variable one function's load
 * captured (TABLE_NAME in shared/data/table.ts, read once) serves the others too. The guard checks
 * each call against the function that makes it (AsyncLocalStorage follows the invocation), so a
 * function whose access lacks the table fails here exactly where it fails in AWS.
 *
 * The cloud's own calls (seed, staging sweep) run outside any function and are not checked.
 * Presigned URLs are checked when signed (in AWS the URL fails when used; either way, no function
 * hands out a URL its role could not use).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SNSClient } from '@aws-sdk/client-sns';
import {
  TABLE_READ_ACTIONS,
  TABLE_WRITE_ACTIONS,
  type FunctionAccess,
  type WorkflowId,
} from '../../shared/api/functions';
import type { QueueId } from '../../shared/api/queues';
import type { BucketAction } from '../../shared/api/routes';
import { BUCKET_AREAS, type BucketArea } from '../../shared/data/attachment-keys';
import { RATE_BUCKET_PARTITION_PREFIX } from '../../shared/platform/rate-bucket-store';
import { runningFunction } from './function-env';
import { AUDIT_DENIED_ACTIONS, isAuditPartition } from '../../shared/data/audit-keys';
import { isTenantPartition, PLATFORM_READ_PARTITION } from '../../shared/api/tenant-scope';
import { ENV } from '../../shared/platform/env';

export class AccessDeniedException extends Error {
  override readonly name = 'AccessDeniedException';
  readonly $fault = 'client';
  readonly $metadata = { httpStatusCode: 403 };
}

const deny = (action: string, resource: string): never => {
  const fn = runningFunction();
  throw new AccessDeniedException(
    `User: ${fn?.id ?? '?'} is not authorized to perform: ${action} on resource: ${resource} ` +
      'because its access in the route or function table does not grant it',
  );
};

/** The DynamoDB actions `access` grants on the table. */
export function tableActions(access: FunctionAccess): readonly string[] {
  const table = access.table;
  if (table === undefined) return [];
  if (typeof table === 'object') return table.items;
  return table === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS];
}

/** The IAM actions a DynamoDB request needs: one per operation, one per item of a transaction. */
export function dynamoActionsOf(operation: string, body: Record<string, unknown>): string[] {
  if (operation === 'TransactWriteItems') {
    const kinds: Record<string, string> = {
      Put: 'PutItem',
      Update: 'UpdateItem',
      Delete: 'DeleteItem',
      ConditionCheck: 'ConditionCheckItem',
    };
    const items = (body.TransactItems ?? []) as Record<string, unknown>[];
    return [...new Set(items.flatMap((item) => Object.keys(item).map((k) => `dynamodb:${kinds[k] ?? k}`)))];
  }
  if (operation === 'TransactGetItems') return ['dynamodb:GetItem'];
  return [`dynamodb:${operation}`];
}

/**
 * Any function with table access may update its fair-share buckets, the items whose partition
 * starts with `RATE#` (shared/platform/rate-bucket-store.ts), as the `dynamodb:LeadingKeys`
 * statement CDK adds lets it (infra/constructs/access.ts grantRateBuckets).
 */
export function isRateBucketUpdate(
  access: FunctionAccess,
  action: string,
  body: Record<string, unknown>,
): boolean {
  const pk = (body.Key as { PK?: { S?: string } } | undefined)?.PK?.S;
  return (
    access.table !== undefined &&
    action === 'dynamodb:UpdateItem' &&
    typeof pk === 'string' &&
    pk.startsWith(RATE_BUCKET_PARTITION_PREFIX)
  );
}

const pkOf = (key: unknown): string | undefined => (key as { PK?: { S?: string } } | undefined)?.PK?.S;

/** The partition keys a write request names, per IAM action (a transaction's items one by one). */
export function writtenPartitions(operation: string, body: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (action: string, pk: string | undefined) => pk !== undefined && out.push([action, pk]);
  if (operation === 'UpdateItem' || operation === 'DeleteItem') add(`dynamodb:${operation}`, pkOf(body.Key));
  if (operation === 'PutItem') add('dynamodb:PutItem', pkOf(body.Item));
  if (operation === 'BatchWriteItem')
    for (const requests of Object.values((body.RequestItems ?? {}) as Record<string, unknown[]>))
      for (const r of requests as Array<{
        PutRequest?: { Item?: unknown };
        DeleteRequest?: { Key?: unknown };
      }>)
        add('dynamodb:BatchWriteItem', pkOf(r.PutRequest?.Item ?? r.DeleteRequest?.Key));
  if (operation === 'TransactWriteItems')
    for (const item of (body.TransactItems ?? []) as Array<
      Record<string, { Key?: unknown; Item?: unknown }>
    >) {
      if (item.Update) add('dynamodb:UpdateItem', pkOf(item.Update.Key));
      if (item.Delete) add('dynamodb:DeleteItem', pkOf(item.Delete.Key));
      if (item.Put) add('dynamodb:PutItem', pkOf(item.Put.Item));
    }
  return out;
}

/**
 * The explicit Deny every function's role carries in AWS (infra/constructs/api-function.ts): no
 * change or removal of an audit record, whatever else the function may do.
 */
export function isDeniedAuditWrite(action: string, pk: string): boolean {
  return (AUDIT_DENIED_ACTIONS as readonly string[]).includes(action) && isAuditPartition(pk);
}

/** A `read` function with `audit` may put items in the audit partitions (grantAuditAppend). */
export function isAuditAppend(
  access: FunctionAccess,
  action: string,
  body: Record<string, unknown>,
): boolean {
  const pk = pkOf(body.Item);
  return access.audit === true && action === 'dynamodb:PutItem' && pk !== undefined && isAuditPartition(pk);
}

/** Whether `access` lets the function do `action` to the object `key` of the bucket. */
export function bucketAllows(access: FunctionAccess, action: BucketAction, key: string): boolean {
  const area = (Object.keys(BUCKET_AREAS) as BucketArea[]).find((a) => key.startsWith(BUCKET_AREAS[a]));
  return area !== undefined && (access.bucket?.[area] ?? []).includes(action);
}

type Headers = Record<string, string>;
interface BuiltRequest {
  method?: string;
  path?: string;
  headers?: Headers;
  body?: unknown;
}

const bodyOf = (request: BuiltRequest): Record<string, unknown> => {
  try {
    // A string or bytes, depending on the protocol's serializer. The bytes are decoded, not turned
    // into a string by the SDK's own adapter, which warns that this will throw one day.
    const body = request.body;
    const text =
      typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : '';
    return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    return {};
  }
};

/** Adds the check to a client: at the build step the request says what it does. */
function guard(
  client: DynamoDBClient | S3Client | SFNClient | SQSClient | SESv2Client | SNSClient,
  name: string,
  check: (access: FunctionAccess, request: BuiltRequest) => void,
): void {
  (client.middlewareStack as { add: (mw: unknown, options: unknown) => void }).add(
    (next: (args: { request: unknown }) => Promise<unknown>) => async (args: { request: unknown }) => {
      const fn = runningFunction();
      if (fn) check(fn.access, args.request as BuiltRequest);
      return next(args);
    },
    { step: 'build', name, priority: 'high' },
  );
}

export function guardDynamoDb(client: DynamoDBClient, tableName: string): void {
  guard(client, 'offlineAccessGuardDynamoDb', (access, request) => {
    const operation = (request.headers?.['x-amz-target'] ?? '').split('.')[1] ?? '';
    const allowed = tableActions(access);
    const body = bodyOf(request);
    for (const [action, pk] of writtenPartitions(operation, body))
      if (isDeniedAuditWrite(action, pk)) deny(action, `table/${tableName} (audit partition ${pk})`);
    for (const action of dynamoActionsOf(operation, body))
      if (
        !allowed.includes(action) &&
        !isRateBucketUpdate(access, action, body) &&
        !isAuditAppend(access, action, body)
      )
        deny(action, `table/${tableName}`);
  });
}

export function guardS3(client: S3Client, bucketName: string): void {
  guard(client, 'offlineAccessGuardS3', (access, request) => {
    const prefix = `/${bucketName}/`;
    const path = request.path ?? '';
    const key = path.startsWith(prefix) ? decodeURIComponent(path.slice(prefix.length)) : '';
    const method = (request.method ?? 'GET').toUpperCase();
    const action: BucketAction = method === 'PUT' ? 'write' : method === 'DELETE' ? 'delete' : 'read';
    if (!bucketAllows(access, action, key)) deny(`s3:${action}`, `${bucketName}/${key}`);
  });
}

export function guardStepFunctions(client: SFNClient, arns: Readonly<Record<WorkflowId, string>>): void {
  guard(client, 'offlineAccessGuardStepFunctions', (access, request) => {
    const operation = (request.headers?.['x-amz-target'] ?? '').split('.')[1] ?? '';
    const body = bodyOf(request);
    const target = String(body.stateMachineArn ?? body.executionArn ?? '');
    const machine = target.replace(':execution:', ':stateMachine:').split(':').slice(0, 7).join(':');
    const allowed = (access.startExecution ?? []).map((w) => arns[w]);
    const known = operation === 'StartExecution' || operation === 'DescribeExecution';
    if (!known || !allowed.includes(machine)) deny(`states:${operation}`, target);
  });
}

/** The SQS actions an access grants on one queue (as infra/constructs/event-bus.ts grants them). */
export function queueActions(access: FunctionAccess, queue: QueueId): string[] {
  const actions: string[] = [];
  if (access.queue?.send?.includes(queue)) actions.push('SendMessage', 'GetQueueAttributes', 'GetQueueUrl');
  if (access.queue?.consume === queue) {
    actions.push('ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes', 'GetQueueUrl');
    if (access.queue.changeVisibility) actions.push('ChangeMessageVisibility');
  }
  return actions;
}

/** Batch operations need the action of their single form. */
const SQS_ACTION_OF: Record<string, string> = {
  SendMessageBatch: 'SendMessage',
  DeleteMessageBatch: 'DeleteMessage',
  ChangeMessageVisibilityBatch: 'ChangeMessageVisibility',
};

/** `queueIdOf(name)`: the queue table id behind a local queue name, if any. */
export function guardSqs(client: SQSClient, queueIdOf: (name: string) => QueueId | undefined): void {
  guard(client, 'offlineAccessGuardSqs', (access, request) => {
    const operation = (request.headers?.['x-amz-target'] ?? '').split('.')[1] ?? '';
    const body = bodyOf(request);
    const name = String(body.QueueUrl ?? body.QueueName ?? '')
      .split('/')
      .pop() as string;
    const queue = queueIdOf(name);
    const action = SQS_ACTION_OF[operation] ?? operation;
    if (queue === undefined || !queueActions(access, queue).includes(action)) deny(`sqs:${action}`, name);
  });
}

/** SES SendEmail and SNS Publish: only for functions whose access names `notifications`. */
export function guardNotifications(ses: SESv2Client, sns: SNSClient): void {
  guard(ses, 'offlineAccessGuardSes', (access) => {
    if (access.notifications !== true) deny('ses:SendEmail', 'identity/*');
  });
  guard(sns, 'offlineAccessGuardSns', (access) => {
    if (access.notifications !== true) deny('sns:Publish', 'phone number');
  });
}

/**
 * Scoped credentials, offline (issue 11 §3): what the tenant data role's policy enforces in AWS
 * (infra/constructs/tenant-data-role.ts), checked on the access key a request is signed with.
 * - A key the local STS issued (sts.ts) names only its session's tenant's partitions and objects
 *   (`TENANT#<t>`, `TENANT#<t>#…`, `<area>/<t>/…`), in every key of the request: item keys,
 *   transaction and batch items, a query's key condition (the table's or the index's partition).
 * - Any other key, in a tenant-scoped function (one with TENANT_DATA_ROLE_ARN), is its execution
 *   role: the platform items only (GetItem of the tenant registry, UpdateItem of RATE# buckets).
 * Refusals are AccessDeniedException, as IAM answers. DynamoDB Local and s3rver check no
 * credentials themselves; this is the only place offline where a tenant's keys are held to it.
 */
export interface ScopedSessions {
  sessionOf(accessKeyId: string): { functionId: string; tenant: string } | undefined;
}

type AttributeValue = { S?: string };
const pkValue = (key: unknown, name: string): string | undefined =>
  ((key ?? {}) as Record<string, AttributeValue>)[name]?.S;

/** The partition keys a query's key condition names (`#n = :v` or `PK = :v`, table or index). */
export function keyConditionPartitions(body: Record<string, unknown>): string[] {
  const expression = String(body.KeyConditionExpression ?? '');
  const names = (body.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (body.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
  const out: string[] = [];
  for (const [, name, value] of expression.matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    const attribute = name!.startsWith('#') ? names[name!] : name;
    if (attribute === 'PK' || attribute === 'GSI1PK') {
      const v = values[value!]?.S;
      if (v !== undefined) out.push(v);
    }
  }
  return out;
}

/** Every partition key a DynamoDB request names: `dynamodb:LeadingKeys` as IAM sees it. */
export function namedPartitions(operation: string, body: Record<string, unknown>): string[] {
  const out: string[] = [];
  const add = (key: unknown) => {
    const pk = pkValue(key, 'PK');
    if (pk !== undefined) out.push(pk);
  };
  if (['GetItem', 'UpdateItem', 'DeleteItem'].includes(operation)) add(body.Key);
  if (operation === 'PutItem') add(body.Item);
  if (operation === 'Query') out.push(...keyConditionPartitions(body));
  if (operation === 'BatchGetItem')
    for (const table of Object.values((body.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>))
      for (const key of table.Keys ?? []) add(key);
  if (operation === 'BatchWriteItem' || operation === 'TransactWriteItems')
    out.push(...writtenPartitions(operation, body).map(([, pk]) => pk));
  if (operation === 'TransactWriteItems')
    for (const item of (body.TransactItems ?? []) as Array<{ ConditionCheck?: { Key?: unknown } }>)
      add(item.ConditionCheck?.Key);
  if (operation === 'TransactGetItems')
    for (const item of (body.TransactItems ?? []) as Array<{ Get?: { Key?: unknown } }>) add(item.Get?.Key);
  return out;
}

/** The execution role of a tenant-scoped function: the platform items and nothing else. */
export function isPlatformItemCall(operation: string, partitions: readonly string[]): boolean {
  if (partitions.length !== 1) return false;
  const [pk] = partitions as [string];
  return (
    (operation === 'GetItem' && pk === PLATFORM_READ_PARTITION) ||
    (operation === 'UpdateItem' && pk.startsWith(RATE_BUCKET_PARTITION_PREFIX))
  );
}

type Credentialed = { config: { credentials: () => Promise<{ accessKeyId: string }> } };

/** Adds the scoped-credentials check to a client: at the build step, with the key it will sign with. */
function guardScoped(
  client: DynamoDBClient | S3Client,
  name: string,
  check: (
    fn: NonNullable<ReturnType<typeof runningFunction>>,
    session: ReturnType<ScopedSessions['sessionOf']>,
    request: BuiltRequest,
  ) => void,
  sessions: ScopedSessions,
): void {
  (client.middlewareStack as { add: (mw: unknown, options: unknown) => void }).add(
    (next: (args: { request: unknown }) => Promise<unknown>) => async (args: { request: unknown }) => {
      const fn = runningFunction();
      if (fn) {
        const { accessKeyId } = await (client as unknown as Credentialed).config.credentials();
        check(fn, sessions.sessionOf(accessKeyId), args.request as BuiltRequest);
      }
      return next(args);
    },
    { step: 'build', name, priority: 'high' },
  );
}

const isScopedFunction = (fn: { env: Record<string, string> }) => fn.env[ENV.tenantDataRoleArn] !== undefined;

export function guardDynamoDbTenantKeys(
  client: DynamoDBClient,
  tableName: string,
  sessions: ScopedSessions,
): void {
  guardScoped(
    client,
    'offlineTenantKeysGuardDynamoDb',
    (fn, session, request) => {
      if (!session && !isScopedFunction(fn)) return;
      const operation = (request.headers?.['x-amz-target'] ?? '').split('.')[1] ?? '';
      const partitions = namedPartitions(operation, bodyOf(request));
      if (!session) {
        if (!isPlatformItemCall(operation, partitions))
          deny(
            `dynamodb:${operation}`,
            `table/${tableName} (${partitions.join(', ') || 'no key'}: the execution role reaches platform items only)`,
          );
        return;
      }
      if (session.functionId !== fn.id)
        deny(`dynamodb:${operation}`, `table/${tableName} (credentials of ${session.functionId})`);
      if (partitions.length === 0) deny(`dynamodb:${operation}`, `table/${tableName} (no leading key)`);
      for (const pk of partitions)
        if (!isTenantPartition(session.tenant, pk, fn.access))
          deny(
            `dynamodb:${operation}`,
            `table/${tableName} (partition ${pk}, session tenant ${session.tenant})`,
          );
    },
    sessions,
  );
}

export function guardS3TenantKeys(client: S3Client, bucketName: string, sessions: ScopedSessions): void {
  guardScoped(
    client,
    'offlineTenantKeysGuardS3',
    (fn, session, request) => {
      if (!session && !isScopedFunction(fn)) return;
      const prefix = `/${bucketName}/`;
      const path = request.path ?? '';
      const key = path.startsWith(prefix) ? decodeURIComponent(path.slice(prefix.length)) : '';
      const action = `s3:${(request.method ?? 'GET').toUpperCase()}`;
      if (!session) deny(action, `${bucketName}/${key} (the execution role reaches no object)`);
      else if (session.functionId !== fn.id)
        deny(action, `${bucketName}/${key} (credentials of ${session.functionId})`);
      else if (!Object.values(BUCKET_AREAS).some((area) => key.startsWith(`${area}${session.tenant}/`)))
        deny(action, `${bucketName}/${key} (session tenant ${session.tenant})`);
    },
    sessions,
  );
}
