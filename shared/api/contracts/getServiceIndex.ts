import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as serviceIndex from '../schemas/service-index';

export const getServiceIndexContract = {
  id: 'getServiceIndex',
  request: { query: serviceIndex.serviceIndexQuery },
  responses: {
    200: {
      description: 'Chỉ số, từng nhóm và chỉ tiêu / the index by group and indicator',
      schema: serviceIndex.serviceIndexView,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
