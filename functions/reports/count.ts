/**
 * Consumer of `reports`: each event moves the report counters once (shared/usecases/count-reports.ts).
 * A failed event is reported alone and comes back after the queue's visibility timeout.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { consumeBusMessages } from '../../shared/platform/bus-consumer';
import { logger } from '../../shared/platform/observability';
import { countReportEvent } from '../../shared/usecases/count-reports';

export const handler = middy<SQSEvent, SQSBatchResponse>((event: SQSEvent) =>
  consumeBusMessages(
    event,
    async (message) => {
      const outcome = await countReportEvent(message);
      if (outcome === 'duplicate') logger.info('report event already counted', { eventId: message.id });
    },
    'report counting failed',
  ),
).use(injectLambdaContext(logger, { resetKeys: true }));
