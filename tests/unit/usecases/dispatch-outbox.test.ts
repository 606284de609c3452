/**
 * The outbox dispatcher's handler against the offline SQS on 127.0.0.1 (the real SDK client, no
 * mock): one message per subscribed queue for each inserted outbox item, grouped ten at a time, and
 * a record whose message SQS refuses is reported by its sequence number, the others not.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { localQueueConfigs, localQueueName } from '../../../infra/local/sqs/queues';
import { startLocalSqs, type LocalSqsServer } from '../../../infra/local/sqs/server';
import { SqsStore } from '../../../infra/local/sqs/store';
import { QUEUES, type BusMessage, type QueueId } from '../../../shared/api/queues';
import { DEADLINES_CHANGED } from '../../../shared/domain/lifecycle/event-types';

let dir: string;
let store: SqsStore;
let server: LocalSqsServer;
let handler: (
  event: unknown,
  context: unknown,
) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
let plan: typeof import('../../../shared/usecases/dispatch-outbox').plan;
const saved = { ...process.env };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'motcua-dispatch-'));
  store = await SqsStore.open(dir, localQueueConfigs());
  server = await startLocalSqs({ store, host: '127.0.0.1', port: 0 });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SQS: server.endpoint,
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_TRACE_ENABLED: 'false',
  });
  for (const id of Object.keys(QUEUES) as QueueId[])
    process.env[QUEUES[id].urlEnv] = server.urlOf(localQueueName(id));
  ({ handler } = (await import('../../../functions/events/dispatch-outbox')) as never);
  ({ plan } = await import('../../../shared/usecases/dispatch-outbox'));
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
  process.env = saved;
});

let seq = 0;
function record(type: string, payload: Record<string, unknown> = {}, et = 'Outbox'): DynamoDBRecord {
  seq += 1;
  const id = `2027-03-02T02:00:00.000Z#${type}#${seq}`;
  return {
    eventName: 'INSERT',
    dynamodb: {
      SequenceNumber: String(1000 + seq),
      NewImage: marshall({
        _et: et,
        tenant: 'demo',
        code: `C-${seq}`,
        id,
        type,
        occurredAt: '2027-03-02T02:00:00.000Z',
        payload: { tenant: 'demo', code: `C-${seq}`, version: 3, ...payload },
      }) as never,
    },
  };
}

const bodies = (queue: QueueId) =>
  store.peekBodies(localQueueName(queue)).map((b) => JSON.parse(b) as BusMessage);

describe('dispatchOutbox', () => {
  it('copies each outbox item to its subscribed queues as plain JSON, and ignores other items', async () => {
    const records = [
      record('dossier.received'),
      record(DEADLINES_CHANGED, { clockVersion: 2 }),
      record('dossier.received', {}, 'Dossier'),
    ];
    const answer = await handler({ Records: records }, {});
    expect(answer.batchItemFailures).toEqual([]);
    const webhooks = bodies('webhookEvents');
    expect(webhooks).toHaveLength(1);
    expect(webhooks[0]).toEqual({
      id: expect.stringContaining('dossier.received'),
      type: 'dossier.received',
      occurredAt: '2027-03-02T02:00:00.000Z',
      tenant: 'demo',
      code: expect.any(String),
      version: 3,
      payload: expect.objectContaining({ version: 3 }),
    });
    expect(bodies('deadlineClock').map((m) => m.type)).toEqual([DEADLINES_CHANGED]);
  });

  it('groups per queue in batches of at most ten', () => {
    // A type only webhookEvents receives (dossier.received also goes to notifications).
    const items = Array.from({ length: 23 }, (_, i) => ({
      id: `e${i}`,
      // A type only webhookEvents and usage take (dossier.received also goes to reports and
      // notifications).
      type: 'dossier.assigned',
      occurredAt: 'x',
      tenant: 'demo',
      code: 'c',
    }));
    const chunks = plan(items);
    for (const queue of ['webhookEvents', 'usage']) {
      const own = chunks.filter((c) => c[0]?.queue === queue);
      expect(own.map((c) => c.length)).toEqual([10, 10, 3]);
      expect(own.every((c) => c.every((o) => o.queue === queue))).toBe(true);
    }
    expect(chunks).toHaveLength(6);
  });

  it('reports by sequence number only the record SQS refused (a partial SendMessageBatch failure)', async () => {
    const before = bodies('webhookEvents').length;
    const tooBig = record('dossier.forwarded', { note: 'x'.repeat(300_000) });
    const records = [record('dossier.forwarded'), tooBig, record('dossier.forwarded')];
    const answer = await handler({ Records: records }, {});
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: tooBig.dynamodb?.SequenceNumber }]);
    expect(bodies('webhookEvents').length).toBe(before + 2);
  });
});
