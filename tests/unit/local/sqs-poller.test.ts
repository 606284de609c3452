/**
 * The offline SQS event source mapping (infra/local/sqs/poller.ts): the handler gets the SQS event
 * Lambda sends; messages it does not report are deleted, reported ones come back after their
 * visibility timeout, a throw keeps the whole batch, and maxReceiveCount ends in the DLQ.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import type { HandlerLoader } from '../../../infra/local/handler-loader';
import { pollOnce, queueConsumerOf, type QueueConsumer } from '../../../infra/local/sqs/poller';
import type { LocalQueueConfig } from '../../../infra/local/sqs/queues';
import { SqsStore } from '../../../infra/local/sqs/store';
import { functionById } from '../../../shared/api/functions';

const QUEUE: LocalQueueConfig = {
  name: 'q',
  visibilityTimeoutSeconds: 30,
  retentionSeconds: 3600,
  redrive: { maxReceiveCount: 2, deadLetterQueue: 'q-dlq' },
};
const DLQ: LocalQueueConfig = { name: 'q-dlq', visibilityTimeoutSeconds: 30, retentionSeconds: 3600 };
const consumer: QueueConsumer = {
  id: 'probe',
  entry: 'unused.ts',
  access: {},
  functionName: 'probe',
  timeoutMs: 1000,
  queue: 'q',
  batchSize: 10,
};

let dir: string;
let now: number;
let store: SqsStore;
let answer: (event: SQSEvent) => unknown;
const events: SQSEvent[] = [];
const loader: HandlerLoader = {
  load: async () => async (event: unknown) => {
    events.push(event as SQSEvent);
    return answer(event as SQSEvent);
  },
};
const options = () => ({ store, loader, region: 'ap-southeast-1' });
const quiet = () => undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-sqs-poller-'));
  now = 1_800_000_000_000;
  store = await SqsStore.open(dir, [QUEUE, DLQ], { now: () => now });
  events.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('reads its queue and batch size from the function table', () => {
  expect(queueConsumerOf(functionById('startClock'))).toMatchObject({
    queue: 'mot-cua-deadline-clock',
    batchSize: 10,
    timeoutMs: 30_000,
  });
});

it('sends the SQS event shape and deletes all but the reported failures', async () => {
  await store.send('q', [
    { body: 'ok', attributes: { eventId: { DataType: 'String', StringValue: 'e1' } } },
    { body: 'fail' },
  ]);
  answer = (event) => ({
    batchItemFailures: event.Records.filter((r) => r.body === 'fail').map((r) => ({
      itemIdentifier: r.messageId,
    })),
  });
  expect(await pollOnce(consumer, options(), quiet)).toBe(2);
  const [first] = events[0].Records;
  expect(first).toMatchObject({
    body: 'ok',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:ap-southeast-1:000000000000:q',
    awsRegion: 'ap-southeast-1',
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(now) },
    messageAttributes: { eventId: { dataType: 'String', stringValue: 'e1' } },
  });
  expect(first.receiptHandle).toEqual(expect.any(String));
  expect(store.counts('q')).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
  now += 30_000;
  answer = () => ({ batchItemFailures: [] });
  await pollOnce(consumer, options(), quiet);
  expect(events[1].Records.map((r) => [r.body, r.attributes.ApproximateReceiveCount])).toEqual([
    ['fail', '2'],
  ]);
  expect(store.counts('q')).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
});

it('keeps the whole batch when the handler throws or names an unknown message, then dead-letters it', async () => {
  await store.send('q', [{ body: 'a' }, { body: 'b' }]);
  answer = () => {
    throw new Error('boom');
  };
  await pollOnce(consumer, options(), quiet);
  now += 30_000;
  answer = () => ({ batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] });
  await pollOnce(consumer, options(), quiet);
  expect(store.counts('q').inFlight).toBe(2);
  now += 30_000;
  expect(await pollOnce(consumer, options(), quiet)).toBe(0);
  expect(store.counts('q-dlq').visible).toBe(2);
});
