import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as tenants from '../schemas/tenants';
import * as usage from '../schemas/usage';

export const getTenantUsageContract = {
  id: 'getTenantUsage',
  request: { params: tenants.tenantParams, query: usage.usageQuery },
  responses: { 200: { description: 'Mức sử dụng / usage', schema: usage.usage }, ...problemResponses },
} as const satisfies RouteContract;
