/**
 * The loop every consumer of an event-bus queue runs (shared/api/queues.ts): each SQS record's body
 * is a BusMessage; `handle` gets them one at a time, in queue order, and the records whose handling
 * threw are reported as the partial batch response, so only they come back after their visibility
 * timeout. A body that is not a bus message can never succeed: it is logged and dropped, not retried.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { BusMessage } from '../api/queues';
import { logger } from './observability';

export async function consumeBusMessages(
  event: SQSEvent,
  handle: (message: BusMessage) => Promise<void>,
  failure: string,
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    let message: BusMessage;
    try {
      message = JSON.parse(record.body) as BusMessage;
    } catch {
      logger.error('not a bus message', { messageId: record.messageId });
      continue;
    }
    try {
      await handle(message);
    } catch (error) {
      logger.error(failure, { messageId: record.messageId, eventId: message.id, error: error as Error });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
