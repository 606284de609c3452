import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as tenants from '../schemas/tenants';

export const deleteTenantContract = {
  id: 'deleteTenant',
  request: { params: tenants.tenantParams, query: tenants.deleteTenantQuery },
  responses: {
    200: { description: 'Đang chờ xoá / deleting', schema: tenants.tenantRecordView },
    409: {
      description: 'Chưa tạm ngừng, hoặc đã đang xoá / not suspended, or already being deleted',
      schema: common.problem,
    },
    422: {
      description: 'Thời gian chờ ngoài giới hạn / grace period out of range',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
