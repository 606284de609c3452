import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as tenants from '../schemas/tenants';

export const createStaffContract = {
  id: 'createStaff',
  request: { body: tenants.createStaff },
  responses: {
    201: { description: 'Đã tạo / created', schema: tenants.createdStaff },
    409: { description: 'Tên đăng nhập đã có / the username is taken', schema: common.problem },
    422: { description: 'Cơ quan không có / unknown agency', schema: common.problem },
    ...problemResponses,
  },
} as const satisfies RouteContract;
