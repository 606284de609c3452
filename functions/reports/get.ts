import { httpHandler } from '../../shared/platform/http';
import { getReport } from '../../shared/usecases/reports';

export const handler = httpHandler('getReport', async ({ query, principal }) => ({
  status: 200,
  body: await getReport(principal, query),
}));
