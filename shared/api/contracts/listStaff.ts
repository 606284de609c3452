import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as tenants from '../schemas/tenants';

export const listStaffContract = {
  id: 'listStaff',
  request: { query: tenants.staffListQuery },
  responses: { 200: { description: 'Danh sách', schema: tenants.staffList }, ...problemResponses },
} as const satisfies RouteContract;
