/**
 * DynamoDB stream consumer: each new `dossier.deadlines_changed` outbox item (the event source
 * filter lets only those through) starts the dossier's deadline clock for that version. Failures
 * are reported per record so only those are retried.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { DEADLINES_CHANGED } from '../../shared/api/deadline-clock';
import { logger, tracer } from '../../shared/platform/observability';
import { startClock } from '../../shared/usecases/start-clock';

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>(
  async (event: DynamoDBStreamEvent) => {
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      if (record.eventName !== 'INSERT' || !image) continue;
      const item = unmarshall(image as Record<string, AttributeValue>);
      if (item.type !== DEADLINES_CHANGED) continue;
      const payload = item.payload as { tenant: string; code: string; clockVersion: number };
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
        batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
      }
    }
    return { batchItemFailures };
  },
)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }));
