/** How the stream poller hands records to a consumer: filters, batches, partial failures, bounds. */
import type { DynamoDBRecord } from 'aws-lambda';
import type { HandlerLoader, LambdaHandler } from '../../../infra/local/handler-loader';
import type { StreamConsumer } from '../../../infra/local/streams/consumers';
import { deliver, type DeliveryDeps } from '../../../infra/local/streams/deliver';
import { compileFilters } from '../../../infra/local/streams/event-filter';

const record = (seq: number, eventName: 'INSERT' | 'MODIFY' = 'INSERT'): DynamoDBRecord => ({
  eventName,
  dynamodb: { SequenceNumber: String(seq).padStart(21, '0') },
});
const seqs = (event: { Records: DynamoDBRecord[] }) =>
  event.Records.map((r) => Number(r.dynamodb?.SequenceNumber));

const consumer: StreamConsumer = {
  id: 'fake',
  access: {},
  entry: 'functions/fake.ts',
  functionName: 'fake',
  filters: [{ eventName: ['INSERT'] }],
  batchSize: 3,
  maxRetries: 2,
  timeoutMs: 1_000,
};

function setup(handler: (event: { Records: DynamoDBRecord[] }) => unknown) {
  const calls: number[][] = [];
  const logs: string[] = [];
  const fn = async (event: unknown) => {
    calls.push(seqs(event as { Records: DynamoDBRecord[] }));
    return handler(event as { Records: DynamoDBRecord[] });
  };
  const loader: HandlerLoader = { load: async () => fn as LambdaHandler };
  const deps: DeliveryDeps = {
    loader,
    log: (l) => logs.push(l),
    pause: async () => undefined,
    stopping: () => false,
  };
  return { calls, logs, deps };
}

describe('infra/local/streams/deliver', () => {
  describe('deliver', () => {
    it('sends only the matching records, in order, in batches of the batch size', async () => {
      const { calls, deps } = setup(() => ({ batchItemFailures: [] }));
      const records = [1, 2, 3, 4, 5, 6].map((n) => record(n, n === 2 ? 'MODIFY' : 'INSERT'));
      await deliver(consumer, compileFilters(consumer.filters), records, deps);
      expect(calls).toEqual([
        [1, 3, 4],
        [5, 6],
      ]);
    });

    it('retries from the first record the handler reports as failed', async () => {
      let first = true;
      const { calls, deps } = setup((event) => {
        if (!first) return { batchItemFailures: [] };
        first = false;
        return { batchItemFailures: [{ itemIdentifier: event.Records[1]?.dynamodb?.SequenceNumber }] };
      });
      await deliver(consumer, compileFilters([]), [record(1), record(2), record(3)], deps);
      expect(calls).toEqual([
        [1, 2, 3],
        [2, 3],
      ]);
    });

    it('retries the whole batch when the handler throws or names an unknown record', async () => {
      let n = 0;
      const { calls, deps } = setup(() => {
        n += 1;
        if (n === 1) throw new Error('boom');
        if (n === 2) return { batchItemFailures: [{ itemIdentifier: 'nope' }] };
        return null;
      });
      await deliver(consumer, compileFilters([]), [record(1), record(2)], deps);
      expect(calls).toEqual([
        [1, 2],
        [1, 2],
        [1, 2],
      ]);
    });

    it('gives up on a batch after maxRetries, says so, and goes on with the next batch', async () => {
      const { calls, logs, deps } = setup((event) => {
        if (seqs(event).includes(1)) throw new Error('poison');
        return {};
      });
      await deliver(
        consumer,
        compileFilters([]),
        [1, 2, 3, 4].map((n) => record(n)),
        deps,
      );
      expect(calls).toEqual([[1, 2, 3], [1, 2, 3], [1, 2, 3], [4]]);
      expect(logs.some((l) => l.includes('giving up after 3 attempts'))).toBe(true);
    });
  });
});
