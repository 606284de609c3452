/**
 * IAM offline: a client call made by a function is refused unless its access grants it, whatever
 * the shared modules captured from another function's environment.
 */
import { DynamoDBClient, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  guardDynamoDb,
  guardS3,
  guardSqs,
  guardStepFunctions,
  tableActions,
} from '../../../infra/local/access-guard';
import { localQueueName } from '../../../infra/local/sqs/queues';
import { QUEUES, type QueueId } from '../../../shared/api/queues';
import { asFunction } from '../../../infra/local/function-env';
import { FUNCTIONS, type FunctionAccess } from '../../../shared/api/functions';
import { ROUTES } from '../../../shared/api/routes';

const TABLE = 'mot-cua';
const BUCKET = 'mot-cua-attachments';
const MACHINE = 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:mot-cua-deadline-clock';
const OTHER_MACHINE = 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:other';
const config = {
  region: 'ap-southeast-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
  endpoint: 'http://127.0.0.1:9',
  maxAttempts: 1,
};
/** The guard runs at build; the request never leaves (this answers in its place, after the guard). */
function answered<C extends { middlewareStack: { add: (...a: never[]) => unknown } }>(client: C): C {
  (client.middlewareStack as unknown as { add: (mw: unknown, o: unknown) => void }).add(
    () => async () => ({ output: { $metadata: {} }, response: {} }),
    { step: 'finalizeRequest', name: 'answerLocally', priority: 'low' },
  );
  return client;
}
const dynamo = answered(new DynamoDBClient(config));
guardDynamoDb(dynamo, TABLE);
const s3 = answered(new S3Client({ ...config, forcePathStyle: true }));
guardS3(s3, BUCKET);
const sfn = answered(new SFNClient(config));
guardStepFunctions(sfn, { deadlineClock: MACHINE });
// md5: false, because the local answer carries no digest to check.
const sqs = answered(new SQSClient({ ...config, md5: false }));
guardSqs(sqs, (name) => (Object.keys(QUEUES) as QueueId[]).find((id) => localQueueName(id) === name));
const urlOf = (queue: QueueId) => `http://127.0.0.1:9/000000000000/${localQueueName(queue)}`;

const as = <T>(access: FunctionAccess, body: () => Promise<T>) =>
  asFunction({ id: 'probe', env: {}, access }, body);
const key = { pk: { S: 'T#demo' }, sk: { S: 'X' } };
const getItem = () => dynamo.send(new GetItemCommand({ TableName: TABLE, Key: key }));
const transactPut = () =>
  dynamo.send(
    new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: TABLE, Item: key } },
        {
          Update: {
            TableName: TABLE,
            Key: key,
            UpdateExpression: 'SET a = :a',
            ExpressionAttributeValues: { ':a': { S: '1' } },
          },
        },
      ],
    }),
  );
const denied = expect.objectContaining({ name: 'AccessDeniedException' });

describe('the offline access guard', () => {
  it('refuses a table call from a function without table access, and lets the cloud itself through', async () => {
    await expect(as({}, getItem)).rejects.toEqual(denied);
    await expect(as({ startExecution: ['deadlineClock'] }, getItem)).rejects.toThrow(/dynamodb:GetItem/);
    await expect(getItem()).resolves.toBeDefined();
  });

  it('lets a reader read but not write; a transaction needs the action of each item', async () => {
    await expect(as({ table: 'read' }, getItem)).resolves.toBeDefined();
    await expect(as({ table: 'read' }, transactPut)).rejects.toThrow(/dynamodb:PutItem/);
    await expect(as({ table: 'readWrite' }, transactPut)).resolves.toBeDefined();
    await expect(
      as({ table: { items: ['dynamodb:GetItem', 'dynamodb:PutItem'] } }, transactPut),
    ).rejects.toThrow(/dynamodb:UpdateItem/);
  });

  it('allows bucket actions per area, as the area grants do', async () => {
    const put = (area: string) => () =>
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${area}/demo/X/1`, Body: 'x' }));
    const confirm: FunctionAccess = {
      table: 'readWrite',
      bucket: { staging: ['read', 'delete'], stored: ['write'] },
    };
    await expect(as(confirm, put('stored'))).resolves.toBeDefined();
    await expect(as(confirm, put('staging'))).rejects.toEqual(denied);
    await expect(
      as(confirm, () => s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'staging/demo/X/1' }))),
    ).resolves.toBeDefined();
    await expect(
      as(confirm, () => s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'stored/demo/X/1' }))),
    ).rejects.toThrow(/s3:delete/);
    await expect(as({ table: 'read' }, put('staging'))).rejects.toEqual(denied);
  });

  it('lets a function start and describe executions only of the state machines its access names', async () => {
    const start = (arn: string) => () =>
      sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'n', input: '{}' }));
    const starter: FunctionAccess = { startExecution: ['deadlineClock'] };
    await expect(as(starter, start(MACHINE))).resolves.toBeDefined();
    await expect(as(starter, start(OTHER_MACHINE))).rejects.toEqual(denied);
    await expect(as({ table: 'readWrite' }, start(MACHINE))).rejects.toThrow(/states:StartExecution/);
    const execution = `${MACHINE.replace(':stateMachine:', ':execution:')}:n`;
    await expect(
      as(starter, () => sfn.send(new DescribeExecutionCommand({ executionArn: execution }))),
    ).resolves.toBeDefined();
  });

  it.each([...ROUTES, ...FUNCTIONS].map((f) => [f.id, f.access as FunctionAccess]))(
    '%s may call the table only if its access names it',
    async (_id, access) => {
      const call = as(access, getItem);
      if (tableActions(access).includes('dynamodb:GetItem')) await expect(call).resolves.toBeDefined();
      else await expect(call).rejects.toEqual(denied);
    },
  );

  it('lets a function send to, consume, or back off on exactly the queues its access names', async () => {
    const send = (queue: QueueId) => () =>
      sqs.send(
        new SendMessageBatchCommand({ QueueUrl: urlOf(queue), Entries: [{ Id: '0', MessageBody: 'x' }] }),
      );
    const del = (queue: QueueId) => () =>
      sqs.send(
        new DeleteMessageBatchCommand({ QueueUrl: urlOf(queue), Entries: [{ Id: '0', ReceiptHandle: 'h' }] }),
      );
    const hide = (queue: QueueId) => () =>
      sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: urlOf(queue),
          ReceiptHandle: 'h',
          VisibilityTimeout: 60,
        }),
      );
    const sender: FunctionAccess = { queue: { send: ['webhookEvents'] } };
    await expect(as(sender, send('webhookEvents'))).resolves.toBeDefined();
    await expect(as(sender, send('deadlineClock'))).rejects.toThrow(/sqs:SendMessage/);
    await expect(as(sender, del('webhookEvents'))).rejects.toEqual(denied);
    const consumer: FunctionAccess = { queue: { consume: 'deadlineClock' } };
    await expect(as(consumer, del('deadlineClock'))).resolves.toBeDefined();
    await expect(as(consumer, hide('deadlineClock'))).rejects.toThrow(/sqs:ChangeMessageVisibility/);
    await expect(as(consumer, send('deadlineClock'))).rejects.toEqual(denied);
    const backingOff: FunctionAccess = { queue: { consume: 'deadlineClock', changeVisibility: true } };
    await expect(as(backingOff, hide('deadlineClock'))).resolves.toBeDefined();
    await expect(as({ table: 'readWrite' }, send('webhookEvents'))).rejects.toEqual(denied);
  });
});
