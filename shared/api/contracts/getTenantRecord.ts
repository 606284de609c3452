import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as tenants from '../schemas/tenants';

export const getTenantRecordContract = {
  id: 'getTenantRecord',
  request: { params: tenants.tenantParams },
  responses: { 200: { description: 'Đơn vị', schema: tenants.tenantRecordView }, ...problemResponses },
} as const satisfies RouteContract;
