import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as tenants from '../schemas/tenants';

export const getStaffContract = {
  id: 'getStaff',
  request: { params: tenants.staffParams },
  responses: { 200: { description: 'Cán bộ', schema: tenants.staffView }, ...problemResponses },
} as const satisfies RouteContract;
