/**
 * The queue and subscription tables (shared/api/queues.ts) and what the function table makes of
 * them: webhooks get every catalog event but the internal ones, the clock gets only its own, the
 * dispatcher may send to exactly the subscribed queues, and each consumer's queue hides a message
 * long enough for its timeout.
 */
import { FUNCTIONS, functionById, queueConsumers } from '../../../shared/api/functions';
import { publicEventTypes } from '../../../shared/api/public-events';
import {
  OUTBOX_SUBSCRIPTIONS,
  QUEUES,
  queuesFor,
  SUBSCRIBED_QUEUES,
  subscribes,
  type QueueId,
} from '../../../shared/api/queues';
import { DEADLINES_CHANGED, EVENT_CATALOG } from '../../../shared/domain/lifecycle/events';

const catalog = Object.keys(EVENT_CATALOG);

describe('outbox subscriptions', () => {
  it('send webhookEvents every catalog event except the internal dossier.deadlines_changed', () => {
    const selected = catalog.filter((t) => subscribes(OUTBOX_SUBSCRIPTIONS.webhookEvents!, t));
    expect(selected.sort()).toEqual(publicEventTypes().sort());
    expect(selected).not.toContain(DEADLINES_CHANGED);
    expect(selected).toEqual(expect.arrayContaining(['dossier.overdue', 'dossier.refused']));
  });

  it('send the deadline clock only dossier.deadlines_changed', () => {
    expect(catalog.filter((t) => queuesFor(t).includes('deadlineClock'))).toEqual([DEADLINES_CHANGED]);
    expect(queuesFor(DEADLINES_CHANGED)).toEqual(['deadlineClock']);
  });

  it('name only queues of the queue table', () => {
    for (const queue of SUBSCRIBED_QUEUES) expect(QUEUES[queue]).toBeDefined();
  });
});

describe('the function table on the bus', () => {
  it('has exactly one stream reader, the dispatcher, sending to exactly the subscribed queues', () => {
    const readers = FUNCTIONS.filter((f) => f.source.kind === 'tableStream');
    expect(readers.map((f) => f.id)).toEqual(['dispatchOutbox']);
    expect(functionById('dispatchOutbox').access.queue?.send).toEqual(SUBSCRIBED_QUEUES);
  });

  it.each(queueConsumers().map((f) => [f.id, f] as const))(
    '%s consumes its own queue, hidden at least six times its timeout, at most ten per batch',
    (_id, fn) => {
      expect(fn.access.queue?.consume).toBe(fn.source.queue);
      expect(QUEUES[fn.source.queue as QueueId].visibilityTimeoutSeconds).toBeGreaterThanOrEqual(
        6 * fn.timeoutSeconds,
      );
      expect(fn.source.batchSize).toBeLessThanOrEqual(10);
    },
  );

  it('keeps webhook events for SQS’s maximum of 14 days', () => {
    expect(QUEUES.webhookEvents.retentionSeconds).toBe(14 * 86_400);
  });
});
