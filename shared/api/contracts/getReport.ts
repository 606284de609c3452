import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as reports from '../schemas/reports';

export const getReportContract = {
  id: 'getReport',
  request: { query: reports.reportQuery },
  responses: {
    200: { description: 'Báo cáo / the report', schema: reports.report },
    ...problemResponses,
  },
} as const satisfies RouteContract;
