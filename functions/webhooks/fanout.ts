/**
 * Consumer of `webhookEvents`: each event becomes one delivery per subscription that receives it
 * (shared/usecases/webhook-fanout.ts). An event that fails is reported alone and comes back after
 * the queue's visibility timeout; its deliveries already written are not written twice.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { consumeBusMessages } from '../../shared/platform/bus-consumer';
import { logger } from '../../shared/platform/observability';
import {
  batchSubscriptionReader,
  fanOutEvent,
  sendDeliveryMessages,
} from '../../shared/usecases/webhook-fanout';

export const handler = middy<SQSEvent, SQSBatchResponse>((event: SQSEvent) => {
  const readSubscriptions = batchSubscriptionReader();
  return consumeBusMessages(
    event,
    async (message) => {
      const deliveries = await fanOutEvent(message, readSubscriptions);
      await sendDeliveryMessages(deliveries);
      if (deliveries.length > 0)
        logger.info('webhook fan-out', {
          eventId: message.id,
          type: message.type,
          deliveries: deliveries.length,
        });
    },
    'webhook fan-out failed',
  );
}).use(injectLambdaContext(logger, { resetKeys: true }));
