import { getReportContract } from '../../shared/api/contracts/getReport';
import { getReportMeta } from '../../shared/api/route-meta/getReport';
import { httpHandler } from '../../shared/platform/http';
import { getReport } from '../../shared/usecases/reports';

export const handler = httpHandler(getReportMeta, getReportContract, async ({ query, principal }) => ({
  status: 200,
  body: await getReport(principal, query),
}));
