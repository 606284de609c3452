/**
 * Task of the deadline-clock state machine: check one dossier's deadlines, fire what is due. What
 * fired overdue is counted per tenant (`DossiersOverdue`, `StepsOverdue`): the clock fires each
 * alarm once, so the count is the number of dossiers and steps that went overdue, which the
 * "overdue rising" alarm and the operations dashboard watch.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { APP_METRICS } from '../../shared/api/app-metrics';
import type { DeadlineCheckResult, DeadlineClockInput } from '../../shared/api/deadline-clock';
import { logger } from '../../shared/platform/observability';
import { countForTenant } from '../../shared/platform/tenant-metrics';
import { checkDeadlines } from '../../shared/usecases/check-deadlines';

const firedOf = (fired: string[], type: string) => fired.filter((id) => id.startsWith(`${type}#`)).length;

export const handler = middy<DeadlineClockInput, DeadlineCheckResult>(async (input: DeadlineClockInput) => {
  logger.appendKeys({ dossierCode: input.code, tenant: input.tenant, clockVersion: input.clockVersion });
  const result = await checkDeadlines(input);
  if (result.fired.length > 0) logger.info('deadline alarms fired', { fired: result.fired });
  countForTenant(APP_METRICS.names.dossiersOverdue, input.tenant, firedOf(result.fired, 'dossier.overdue'));
  countForTenant(APP_METRICS.names.stepsOverdue, input.tenant, firedOf(result.fired, 'step.overdue'));
  return result;
}).use(injectLambdaContext(logger, { resetKeys: true }));
