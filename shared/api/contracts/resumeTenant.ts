import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as tenants from '../schemas/tenants';

export const resumeTenantContract = {
  id: 'resumeTenant',
  request: { params: tenants.tenantParams },
  responses: {
    200: { description: 'Đang phục vụ', schema: tenants.tenantRecordView },
    409: {
      description:
        'Đã bắt đầu hoặc đã xoá hẳn, không khôi phục được / the purge has begun or is done: no restore',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
