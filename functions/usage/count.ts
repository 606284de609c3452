/**
 * Consumer of `usage`: each event counted once in its tenant's month (shared/usecases/usage.ts).
 * A failed event is reported alone and comes back after the queue's visibility timeout.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { consumeBusMessages } from '../../shared/platform/bus-consumer';
import { logger } from '../../shared/platform/observability';
import { countUsageEvent } from '../../shared/usecases/usage';

export const handler = middy<SQSEvent, SQSBatchResponse>((event: SQSEvent) =>
  consumeBusMessages(
    event,
    async (message) => {
      const outcome = await countUsageEvent(message);
      if (outcome === 'duplicate') logger.info('usage event already counted', { eventId: message.id });
    },
    'usage counting failed',
  ),
).use(injectLambdaContext(logger, { resetKeys: true }));
