import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as tenants from '../schemas/tenants';

export const addTenantAdminContract = {
  id: 'addTenantAdmin',
  request: { params: tenants.tenantParams, body: tenants.addTenantAdmin },
  responses: {
    201: {
      description: 'Đã tạo, kèm mật khẩu tạm / created, with a temporary password',
      schema: tenants.createdStaff,
    },
    409: {
      description:
        'Tên đăng nhập đã có, hoặc tỉnh đang bị xoá / username taken, or the tenant is being deleted',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
