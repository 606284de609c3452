import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as actions from '../schemas/actions';

export const getWorkQueueContract = {
  id: 'getWorkQueue',
  request: { query: actions.workQueueQuery },
  responses: { 200: { description: 'Hàng đợi', schema: actions.workQueue }, ...problemResponses },
} as const satisfies RouteContract;
