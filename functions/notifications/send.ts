/**
 * Consumer of `notifications`: tells the applicant who agreed to it, by e-mail and SMS, what
 * happened to their dossier (shared/usecases/notifications.ts). An event that fails is reported
 * alone and comes back after the queue's visibility timeout; what it already sent is not sent twice.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { consumeBusMessages } from '../../shared/platform/bus-consumer';
import { awsNotificationSender } from '../../shared/platform/notification-sender';
import { logger } from '../../shared/platform/observability';
import { notifyApplicant } from '../../shared/usecases/notifications';

const sender = awsNotificationSender();

export const handler = middy<SQSEvent, SQSBatchResponse>((event: SQSEvent) =>
  consumeBusMessages(
    event,
    async (message) => {
      const { sent, skipped } = await notifyApplicant(message, sender);
      if (sent.length > 0 || skipped > 0)
        // Ids and kinds only: no address, no text.
        logger.info('notifications', {
          eventId: message.id,
          type: message.type,
          sent: sent.map((m) => m.id),
          skipped,
        });
    },
    'notification failed',
  ),
).use(injectLambdaContext(logger, { resetKeys: true }));
