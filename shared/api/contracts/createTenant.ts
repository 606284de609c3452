import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as tenants from '../schemas/tenants';

export const createTenantContract = {
  id: 'createTenant',
  request: { body: tenants.createTenant },
  responses: {
    201: {
      description: 'Đã tạo, kèm mật khẩu tạm của quản trị / created, with the admin’s temporary password',
      schema: tenants.createdTenant,
    },
    409: {
      description: 'Đơn vị hoặc tên đăng nhập đã có / the tenant or the username exists',
      schema: common.problem,
    },
    422: { description: 'Mã đơn vị dành riêng / reserved tenant id', schema: common.problem },
    ...problemResponses,
  },
} as const satisfies RouteContract;
