/**
 * Consumer of the `deadlineClock` queue (shared/api/queues.ts): each `dossier.deadlines_changed`
 * event the outbox dispatcher copied there starts the dossier's deadline clock for that version.
 * Starting is idempotent (one execution name per dossier and version), so a redelivered message is
 * harmless. Failures are reported per message so only those come back, after their visibility
 * timeout.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DEADLINES_CHANGED } from '../../shared/api/deadline-clock';
import { consumeBusMessages } from '../../shared/platform/bus-consumer';
import { logger } from '../../shared/platform/observability';
import { startClock } from '../../shared/usecases/start-clock';

export const handler = middy<SQSEvent, SQSBatchResponse>((event: SQSEvent) =>
  consumeBusMessages(
    event,
    async (message) => {
      if (message.type !== DEADLINES_CHANGED) return;
      const payload = message.payload as { tenant: string; code: string; clockVersion: number };
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
    },
    'could not start the deadline clock',
  ),
).use(injectLambdaContext(logger, { resetKeys: true }));
