/**
 * The offline SQS (infra/local/sqs): its semantics against the store with a controlled clock
 * (visibility, delay, receive count, DLQ move, retention, persistence across a reopen, limits), and
 * the same service over HTTP with the real @aws-sdk/client-sqs on 127.0.0.1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  SQSServiceException,
} from '@aws-sdk/client-sqs';
import type { LocalQueueConfig } from '../../../infra/local/sqs/queues';
import { startLocalSqs, type LocalSqsServer } from '../../../infra/local/sqs/server';
import { SqsError, SqsStore } from '../../../infra/local/sqs/store';
import { localQueueConfigs, localQueueName } from '../../../infra/local/sqs/queues';
import { QUEUES } from '../../../shared/api/queues';

const QUEUE: LocalQueueConfig = {
  name: 'work',
  visibilityTimeoutSeconds: 30,
  retentionSeconds: 3600,
  redrive: { maxReceiveCount: 2, deadLetterQueue: 'work-dlq' },
};
const DLQ: LocalQueueConfig = { name: 'work-dlq', visibilityTimeoutSeconds: 30, retentionSeconds: 86_400 };

let dir: string;
let now: number;
const open = () => SqsStore.open(dir, [QUEUE, DLQ], { now: () => now });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-sqs-'));
  now = 1_800_000_000_000;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the SQS store', () => {
  it('hides a received message for the visibility timeout, with a new receipt handle each time', async () => {
    const store = await open();
    await store.send('work', [{ body: 'a' }]);
    const [first] = await store.receive('work', 10);
    expect(first.attributes.ApproximateReceiveCount).toBe('1');
    expect(await store.receive('work', 10)).toEqual([]);
    expect(store.counts('work')).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
    now += 30_000;
    const [second] = await store.receive('work', 10);
    expect(second.messageId).toBe(first.messageId);
    expect(second.receiptHandle).not.toBe(first.receiptHandle);
    expect(second.attributes.ApproximateReceiveCount).toBe('2');
    // Only the newest handle deletes; the older one "succeeds" and deletes nothing, as in SQS.
    await store.delete('work', [first.receiptHandle]);
    expect(store.counts('work').inFlight).toBe(1);
    await store.delete('work', [second.receiptHandle]);
    expect(store.counts('work')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
  });

  it('delays a message by its DelaySeconds and refuses more than 900', async () => {
    const store = await open();
    await store.send('work', [{ body: 'later', delaySeconds: 60 }]);
    expect(store.counts('work')).toEqual({ visible: 0, inFlight: 0, delayed: 1 });
    expect(await store.receive('work', 1)).toEqual([]);
    now += 60_000;
    expect((await store.receive('work', 1)).map((m) => m.body)).toEqual(['later']);
    await expect(store.send('work', [{ body: 'x', delaySeconds: 901 }])).rejects.toThrow(SqsError);
  });

  it('lets a consumer hide a message longer (up to 12 h) or show it at once', async () => {
    const store = await open();
    await store.send('work', [{ body: 'a' }]);
    const [m] = await store.receive('work', 1);
    await store.changeVisibility('work', [{ receiptHandle: m.receiptHandle, seconds: 1800 }]);
    now += 30_000;
    expect(await store.receive('work', 1)).toEqual([]);
    now += 1_800_000;
    const [again] = await store.receive('work', 1);
    await store.changeVisibility('work', [{ receiptHandle: again.receiptHandle, seconds: 0 }]);
    expect(store.counts('work')).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
    await expect(
      store.changeVisibility('work', [{ receiptHandle: again.receiptHandle, seconds: 43_201 }]),
    ).rejects.toThrow(/VisibilityTimeout/);
  });

  it('moves a message received maxReceiveCount times to the dead-letter queue', async () => {
    const store = await open();
    await store.send('work', [
      { body: 'poison', attributes: { eventId: { DataType: 'String', StringValue: 'e1' } } },
    ]);
    await store.receive('work', 1);
    now += 30_000;
    await store.receive('work', 1);
    now += 30_000;
    expect(await store.receive('work', 1)).toEqual([]);
    expect(store.counts('work')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    const [dead] = await store.receive('work-dlq', 1);
    expect(dead.body).toBe('poison');
    expect(dead.messageAttributes.eventId.StringValue).toBe('e1');
  });

  it('drops messages older than the retention period', async () => {
    const store = await open();
    await store.send('work', [{ body: 'old' }]);
    now += 3_600_000;
    expect(await store.receive('work', 1)).toEqual([]);
    expect(store.counts('work').visible).toBe(0);
  });

  it('keeps every acknowledged message across a reopen; receive-hidden ones show again, back-offs keep their time', async () => {
    const store = await open();
    await store.send('work', [{ body: 'a' }, { body: 'b' }, { body: 'c' }]);
    const [a, b] = await store.receive('work', 2);
    await store.changeVisibility('work', [{ receiptHandle: b.receiptHandle, seconds: 600 }]);
    expect(a.body).toBe('a');
    // No flush, no stop: what send and receive answered is on disk already.
    const reopened = await open();
    expect(reopened.counts('work')).toEqual({ visible: 2, inFlight: 1, delayed: 0 });
    expect((await reopened.receive('work', 10)).map((m) => m.body).sort()).toEqual(['a', 'c']);
  });

  it('refuses a receive of more than 10 and an unknown queue', async () => {
    const store = await open();
    await expect(store.receive('work', 11)).rejects.toThrow(/between 1 and 10/);
    await expect(store.send('nope', [{ body: 'a' }])).rejects.toMatchObject({ code: 'QueueDoesNotExist' });
  });
});

describe('the SQS service over HTTP, with the real SDK client', () => {
  let server: LocalSqsServer;
  let client: SQSClient;
  let url: string;
  beforeEach(async () => {
    const store = await SqsStore.open(dir, localQueueConfigs());
    server = await startLocalSqs({ store, host: '127.0.0.1', port: 0 });
    client = new SQSClient({
      endpoint: server.endpoint,
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    url = server.urlOf(localQueueName('webhookEvents'));
  });
  afterEach(async () => {
    client.destroy();
    await server.stop();
  });

  it('serves every queue of the queue table under an AWS-shaped URL', async () => {
    for (const id of Object.keys(QUEUES) as Array<keyof typeof QUEUES>) {
      const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: localQueueName(id) }));
      expect(QueueUrl).toBe(`${server.endpoint}/000000000000/${localQueueName(id)}`);
    }
  });

  it('sends (checked MD5s), receives, changes visibility, deletes in batches and counts', async () => {
    await client.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: '{"id":"e0"}',
        MessageAttributes: { eventId: { DataType: 'String', StringValue: 'e0' } },
      }),
    );
    const batch = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: '0', MessageBody: 'one' },
          { Id: '1', MessageBody: 'two', DelaySeconds: 901 },
        ],
      }),
    );
    expect(batch.Successful?.map((s) => s.Id)).toEqual(['0']);
    expect(batch.Failed).toEqual([
      expect.objectContaining({ Id: '1', Code: 'InvalidParameterValue', SenderFault: true }),
    ]);
    const attrs = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    expect(attrs.Attributes).toEqual({ ApproximateNumberOfMessages: '2' });

    const received = await client.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'] }),
    );
    expect(received.Messages?.map((m) => m.Body)).toEqual(['{"id":"e0"}', 'one']);
    expect(received.Messages?.[0].MessageAttributes?.eventId.StringValue).toBe('e0');
    const [first, second] = received.Messages ?? [];
    await client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: first.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const deleted = await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: [{ Id: 'a', ReceiptHandle: second.ReceiptHandle }],
      }),
    );
    expect(deleted.Successful).toEqual([{ Id: 'a' }]);
    const left = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
    expect(left.Attributes).toMatchObject({
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '0',
      MessageRetentionPeriod: String(14 * 86_400),
    });
  });

  it('answers AWS errors: batch limits, an unknown queue, an unknown operation', async () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ Id: String(i), MessageBody: 'x' }));
    await expect(
      client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries })),
    ).rejects.toMatchObject({
      name: 'TooManyEntriesInBatchRequest',
    });
    await expect(
      client.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: [
            { Id: 'a', MessageBody: 'x' },
            { Id: 'a', MessageBody: 'y' },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'BatchEntryIdsNotDistinct' });
    const unknown = client.send(
      new SendMessageCommand({ QueueUrl: `${server.endpoint}/000000000000/nope`, MessageBody: 'x' }),
    );
    await expect(unknown).rejects.toBeInstanceOf(SQSServiceException);
    await expect(unknown).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
    const raw = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'x-amz-target': 'AmazonSQS.CreateQueue', 'content-type': 'application/x-amz-json-1.0' },
      body: '{}',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ __type: 'com.amazonaws.sqs#UnsupportedOperation' });
  });
});
