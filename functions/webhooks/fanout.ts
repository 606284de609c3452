/**
 * Consumer of `webhookEvents`: each event becomes one delivery per subscription that receives it
 * (shared/usecases/webhook-fanout.ts). An event that fails is reported alone and comes back after
 * the queue's visibility timeout; its deliveries already written are not written twice.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { BusMessage } from '../../shared/api/queues';
import { logger } from '../../shared/platform/observability';
import {
  batchSubscriptionReader,
  fanOutEvent,
  sendDeliveryMessages,
} from '../../shared/usecases/webhook-fanout';

export const handler = middy<SQSEvent, SQSBatchResponse>(async (event: SQSEvent) => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  const readSubscriptions = batchSubscriptionReader();
  for (const record of event.Records) {
    let message: BusMessage;
    try {
      message = JSON.parse(record.body) as BusMessage;
    } catch {
      logger.error('not a bus message', { messageId: record.messageId });
      continue;
    }
    try {
      const deliveries = await fanOutEvent(message, readSubscriptions);
      await sendDeliveryMessages(deliveries);
      if (deliveries.length > 0)
        logger.info('webhook fan-out', {
          eventId: message.id,
          type: message.type,
          deliveries: deliveries.length,
        });
    } catch (error) {
      logger.error('webhook fan-out failed', { eventId: message.id, error: error as Error });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}).use(injectLambdaContext(logger, { resetKeys: true }));
