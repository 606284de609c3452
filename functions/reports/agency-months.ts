import { getAgencyMonthSummaryContract } from '../../shared/api/contracts/getAgencyMonthSummary';
import { getAgencyMonthSummaryMeta } from '../../shared/api/route-meta/getAgencyMonthSummary';
import { httpHandler } from '../../shared/platform/http';
import { getAgencyMonthSummary } from '../../shared/usecases/report-export';

export const handler = httpHandler(
  getAgencyMonthSummaryMeta,
  getAgencyMonthSummaryContract,
  async ({ query, principal }) => ({
    status: 200,
    body: await getAgencyMonthSummary(principal, query),
  }),
);
