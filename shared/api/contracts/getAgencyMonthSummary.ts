import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as serviceIndex from '../schemas/service-index';

export const getAgencyMonthSummaryContract = {
  id: 'getAgencyMonthSummary',
  request: { query: serviceIndex.agencyMonthQuery },
  responses: {
    200: { description: 'Từng cơ quan / per agency', schema: serviceIndex.agencyMonthView },
    ...problemResponses,
  },
} as const satisfies RouteContract;
