import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as usage from '../schemas/usage';

export const getUsageContract = {
  id: 'getUsage',
  request: { query: usage.usageQuery },
  responses: { 200: { description: 'Mức sử dụng / usage', schema: usage.usage }, ...problemResponses },
} as const satisfies RouteContract;
