/**
 * Subscriber of the API's access log group: each batch of lines counted once per tenant and month
 * (shared/usecases/api-calls.ts). A failure throws: CloudWatch Logs invokes asynchronously, so
 * Lambda retries the batch, and the tenants already counted find their mark.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { CloudWatchLogsEvent } from 'aws-lambda';
import { decodeLogSubscription } from '../../shared/platform/log-subscription';
import { logger } from '../../shared/platform/observability';
import { countApiCalls } from '../../shared/usecases/api-calls';

export const handler = middy<CloudWatchLogsEvent, void>(async (event: CloudWatchLogsEvent) => {
  const batch = decodeLogSubscription(event);
  if (batch.messageType !== 'DATA_MESSAGE') return;
  const outcome = await countApiCalls(batch);
  logger.debug('api calls counted', { logStream: batch.logStream, ...outcome });
}).use(injectLambdaContext(logger, { resetKeys: true }));
