/** The loop every event-bus queue consumer runs: what is retried, what is dropped, in what order. */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { consumeBusMessages } from '../../../shared/platform/bus-consumer';

const record = (messageId: string, body: string): SQSRecord => ({ messageId, body }) as SQSRecord;
const bus = (id: string) =>
  JSON.stringify({ id, type: 'dossier.accepted', occurredAt: '', tenant: 't', code: 'c', payload: {} });

describe('consumeBusMessages', () => {
  it('hands every message over in queue order and reports exactly the ones whose handling threw', async () => {
    const seen: string[] = [];
    const event = {
      Records: [record('m1', bus('e1')), record('m2', bus('e2')), record('m3', bus('e3'))],
    } as SQSEvent;
    const answer = await consumeBusMessages(
      event,
      async (message) => {
        seen.push(message.id);
        if (message.id === 'e2') throw new Error('boom');
      },
      'failed',
    );
    expect(seen).toEqual(['e1', 'e2', 'e3']);
    expect(answer).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }] });
  });

  it('drops a body that is not JSON instead of retrying it forever', async () => {
    const handle = jest.fn(async () => undefined);
    const event = { Records: [record('bad', '{not json'), record('ok', bus('e1'))] } as SQSEvent;
    const answer = await consumeBusMessages(event, handle, 'failed');
    expect(handle).toHaveBeenCalledTimes(1);
    expect(answer.batchItemFailures).toEqual([]);
  });
});
