/**
 * The audit log's IAM, offline: the access guard mirrors the explicit Deny every function's role
 * has in AWS (no UpdateItem, DeleteItem or BatchWriteItem on an audit partition, even for a
 * readWrite function) and the audit-only PutItem a read route that records reads is granted.
 */
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { guardDynamoDb } from '../../../infra/local/access-guard';
import { asFunction } from '../../../infra/local/function-env';
import type { FunctionAccess } from '../../../shared/api/functions';
import { auditPk } from '../../../shared/data/audit-keys';

const TABLE = 'mot-cua';
const dynamo = new DynamoDBClient({
  region: 'ap-southeast-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
  endpoint: 'http://127.0.0.1:9',
  maxAttempts: 1,
});
// The request never leaves: answered after the guard, in its place.
(dynamo.middlewareStack as unknown as { add: (mw: unknown, o: unknown) => void }).add(
  () => async () => ({ output: { $metadata: {} }, response: {} }),
  { step: 'finalizeRequest', name: 'answerLocally', priority: 'low' },
);
guardDynamoDb(dynamo, TABLE);

const as = <T>(access: FunctionAccess, body: () => Promise<T>) =>
  asFunction({ id: 'probe', env: {}, access }, body);
const audit = { PK: { S: auditPk('demo', '2026-12-01') }, SK: { S: '2026-12-01T01:00:00.000Z#X' } };
const other = { PK: { S: 'TENANT#demo#DOSSIER#000.30.01.H99-261201-0001' }, SK: { S: '#DOSSIER' } };
const put = (Item: typeof audit) => () => dynamo.send(new PutItemCommand({ TableName: TABLE, Item }));
const update = (Key: typeof audit) => () =>
  dynamo.send(
    new UpdateItemCommand({
      TableName: TABLE,
      Key,
      UpdateExpression: 'SET a = :a',
      ExpressionAttributeValues: { ':a': { S: '1' } },
    }),
  );
const remove = (Key: typeof audit) => () => dynamo.send(new DeleteItemCommand({ TableName: TABLE, Key }));
const batchDelete = (Key: typeof audit) => () =>
  dynamo.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: [{ DeleteRequest: { Key } }] } }));
const transactDelete = (Key: typeof audit) => () =>
  dynamo.send(new TransactWriteItemsCommand({ TransactItems: [{ Delete: { TableName: TABLE, Key } }] }));

describe('audit partitions offline', () => {
  it('no function may update or delete an audit record, not even a readWrite one', async () => {
    const ops: Array<(key: typeof audit) => () => Promise<unknown>> = [
      update,
      remove,
      batchDelete,
      transactDelete,
    ];
    for (const op of ops)
      await expect(as({ table: 'readWrite' }, op(audit))).rejects.toThrow(/audit partition/);
    // Other items stay the readWrite function's to change.
    for (const op of ops.filter((op) => op !== batchDelete))
      await expect(as({ table: 'readWrite' }, op(other))).resolves.toBeDefined();
  });

  it('a read route that records reads may put audit records and nothing else', async () => {
    await expect(as({ table: 'read', audit: true }, put(audit))).resolves.toBeDefined();
    await expect(as({ table: 'read', audit: true }, put(other))).rejects.toThrow(/dynamodb:PutItem/);
    await expect(as({ table: 'read' }, put(audit))).rejects.toThrow(/dynamodb:PutItem/);
  });
});
