/**
 * Consumer of `webhookDeliveries`: one attempt per message (shared/usecases/webhook-delivery.ts),
 * in parallel within the batch. A failed attempt keeps its message: ChangeMessageVisibility hides it
 * for the schedule's delay and the message is reported as failed, so SQS hands it back then — the
 * queue is the durable timer. A failed attempt counts `WebhookDeliveryFailed` for its tenant; a
 * given-up delivery logs an ERROR and counts `WebhookDeadLettered`, which a CloudWatch alarm watches
 * (both per tenant and platform-wide: shared/platform/tenant-metrics.ts).
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { APP_METRICS } from '../../shared/api/app-metrics';
import { QUEUES } from '../../shared/api/queues';
import { getSqsClient } from '../../shared/platform/aws-clients';
import { requireEnv } from '../../shared/platform/env';
import { logger } from '../../shared/platform/observability';
import { countForTenant } from '../../shared/platform/tenant-metrics';
import { attemptDelivery, deliveryMessageOf } from '../../shared/usecases/webhook-delivery';

/** Watched by the monitoring stack's alarm (infra/stacks/monitoring-stack.ts WEBHOOK_DEAD_LETTERED_METRIC). */
export const DEAD_LETTERED_METRIC = APP_METRICS.names.webhookDeadLettered;

async function handle(record: SQSRecord): Promise<boolean> {
  const message = deliveryMessageOf(record.body);
  if (!message) {
    logger.error('not a delivery message', { messageId: record.messageId });
    return true;
  }
  const step = await attemptDelivery(message, {
    onDead: (d) => {
      logger.error('webhook delivery dead-lettered', {
        tenant: d.tenant,
        subscriptionId: d.subscriptionId,
        deliveryId: d.id,
        eventId: d.eventId,
        attempts: d.attempts,
        lastError: d.attemptLog.at(-1)?.error,
      });
      countForTenant(APP_METRICS.names.webhookDeliveryFailed, d.tenant);
      countForTenant(DEAD_LETTERED_METRIC, d.tenant);
    },
  });
  // Failed attempts: those to be retried, and a 410 that disabled the subscription (a given-up
  // one was counted in onDead above).
  if (step.kind === 'retry' || step.status === 'gone')
    countForTenant(APP_METRICS.names.webhookDeliveryFailed, message.tenant);
  if (step.kind === 'done') return true;
  await getSqsClient().send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: requireEnv(QUEUES.webhookDeliveries.urlEnv),
      ReceiptHandle: record.receiptHandle,
      VisibilityTimeout: step.delaySeconds,
    }),
  );
  return false;
}

export const handler = middy<SQSEvent, SQSBatchResponse>(async (event: SQSEvent) => {
  const results = await Promise.all(
    event.Records.map((record) =>
      handle(record).catch((error: unknown) => {
        logger.error('webhook delivery failed', { messageId: record.messageId, error: error as Error });
        return false;
      }),
    ),
  );
  return {
    batchItemFailures: event.Records.filter((_, i) => !results[i]).map((r) => ({
      itemIdentifier: r.messageId,
    })),
  };
}).use(injectLambdaContext(logger, { resetKeys: true }));
