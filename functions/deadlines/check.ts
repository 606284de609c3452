/** Task of the deadline-clock state machine: check one dossier's deadlines, fire what is due. */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { DeadlineCheckResult, DeadlineClockInput } from '../../shared/api/deadline-clock';
import { logger, tracer } from '../../shared/platform/observability';
import { checkDeadlines } from '../../shared/usecases/check-deadlines';

export const handler = middy<DeadlineClockInput, DeadlineCheckResult>(async (input: DeadlineClockInput) => {
  logger.appendKeys({ dossierCode: input.code, tenant: input.tenant, clockVersion: input.clockVersion });
  const result = await checkDeadlines(input);
  if (result.fired.length > 0) logger.info('deadline alarms fired', { fired: result.fired });
  return result;
})
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }));
