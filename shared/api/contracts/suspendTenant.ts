import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as tenants from '../schemas/tenants';

export const suspendTenantContract = {
  id: 'suspendTenant',
  request: { params: tenants.tenantParams },
  responses: {
    200: { description: 'Đã tạm ngừng', schema: tenants.tenantRecordView },
    409: { description: 'Đã xoá hẳn / the tenant is purged', schema: common.problem },
    ...problemResponses,
  },
} as const satisfies RouteContract;
