/**
 * Consumer of the `deadlineClock` queue (shared/api/queues.ts): each `dossier.deadlines_changed`
 * event the outbox dispatcher copied there starts the dossier's deadline clock for that version.
 * Starting is idempotent (one execution name per dossier and version), so a redelivered message is
 * harmless. Failures are reported per message so only those come back, after their visibility
 * timeout.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DEADLINES_CHANGED } from '../../shared/api/deadline-clock';
import type { BusMessage } from '../../shared/api/queues';
import { logger, tracer } from '../../shared/platform/observability';
import { startClock } from '../../shared/usecases/start-clock';

export const handler = middy<SQSEvent, SQSBatchResponse>(async (event: SQSEvent) => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    let message: BusMessage;
    try {
      message = JSON.parse(record.body) as BusMessage;
    } catch {
      // Never retried into success: a malformed message is logged and left to no one.
      logger.error('not a bus message', { messageId: record.messageId });
      continue;
    }
    if (message.type !== DEADLINES_CHANGED) continue;
    const payload = message.payload as { tenant: string; code: string; clockVersion: number };
    try {
      const outcome = await startClock({
        tenant: payload.tenant,
        code: payload.code,
        clockVersion: payload.clockVersion,
      });
      logger.info('deadline clock', {
        dossierCode: payload.code,
        clockVersion: payload.clockVersion,
        outcome,
      });
    } catch (error) {
      logger.error('could not start the deadline clock', {
        dossierCode: payload.code,
        error: error as Error,
      });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
})
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }));
