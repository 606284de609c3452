import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as tenants from '../schemas/tenants';

export const listTenantsContract = {
  id: 'listTenants',
  request: { query: tenants.tenantListQuery },
  responses: { 200: { description: 'Danh sách', schema: tenants.tenantList }, ...problemResponses },
} as const satisfies RouteContract;
