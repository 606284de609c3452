/**
 * The event bus's one step: copy outbox items to the queues subscribed to their types
 * (shared/api/queues.ts), grouped per queue in SendMessageBatch calls of at most ten. Returns the
 * indexes of the items not sent to every one of their queues, so the caller can have exactly those
 * (and the ones after them) retried. A retry may send an item a second time to a queue that got it
 * already: consumers dedupe on the event id.
 */
import { SendMessageBatchCommand, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { MESSAGE_ATTRIBUTES, QUEUES, queuesFor, type BusMessage, type QueueId } from '../api/queues';
import { getSqsClient } from '../platform/aws-clients';
import { requireEnv } from '../platform/env';

/** SQS's limit per SendMessageBatch. */
export const SEND_BATCH_MAX = 10;

/** An outbox item as the table holds it (the stream record's new image, unmarshalled). */
export interface OutboxItem {
  id: string;
  type: string;
  occurredAt: string;
  tenant: string;
  code: string;
  payload?: Record<string, unknown>;
}

export function toBusMessage(item: OutboxItem): BusMessage {
  const payload = item.payload ?? {};
  const version = payload.version;
  return {
    id: item.id,
    type: item.type,
    occurredAt: item.occurredAt,
    tenant: item.tenant,
    code: item.code,
    ...(typeof version === 'number' ? { version } : {}),
    payload,
  };
}

/** One message to send: which item, to which queue. */
interface Outgoing {
  index: number;
  queue: QueueId;
  message: BusMessage;
}

/** Per queue, in item order, chunks of at most ten. */
export function plan(items: readonly OutboxItem[]): Outgoing[][] {
  const perQueue = new Map<QueueId, Outgoing[]>();
  items.forEach((item, index) => {
    const message = toBusMessage(item);
    for (const queue of queuesFor(item.type)) {
      const list = perQueue.get(queue) ?? [];
      list.push({ index, queue, message });
      perQueue.set(queue, list);
    }
  });
  const chunks: Outgoing[][] = [];
  for (const list of perQueue.values())
    for (let i = 0; i < list.length; i += SEND_BATCH_MAX) chunks.push(list.slice(i, i + SEND_BATCH_MAX));
  return chunks;
}

const entryOf = (out: Outgoing, n: number): SendMessageBatchRequestEntry => ({
  Id: String(n),
  MessageBody: JSON.stringify(out.message),
  MessageAttributes: {
    [MESSAGE_ATTRIBUTES.eventId]: { DataType: 'String', StringValue: out.message.id },
    [MESSAGE_ATTRIBUTES.eventType]: { DataType: 'String', StringValue: out.message.type },
  },
});

/** Sends every item to its queues; the indexes of the items that failed, ascending. */
export async function dispatchOutbox(
  items: readonly OutboxItem[],
  onError: (queue: QueueId, error: unknown) => void = () => undefined,
): Promise<number[]> {
  const failed = new Set<number>();
  for (const chunk of plan(items)) {
    const queue = chunk[0].queue;
    try {
      const answer = await getSqsClient().send(
        new SendMessageBatchCommand({
          QueueUrl: requireEnv(QUEUES[queue].urlEnv),
          Entries: chunk.map(entryOf),
        }),
      );
      // A partial failure answers 200 with the entries that were not sent.
      for (const f of answer.Failed ?? []) failed.add(chunk[Number(f.Id)].index);
      if (answer.Failed?.length) onError(queue, new Error(answer.Failed.map((f) => f.Message).join('; ')));
    } catch (error) {
      onError(queue, error);
      for (const out of chunk) failed.add(out.index);
    }
  }
  return [...failed].sort((a, b) => a - b);
}
