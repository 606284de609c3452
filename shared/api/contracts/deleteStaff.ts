import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as tenants from '../schemas/tenants';

export const deleteStaffContract = {
  id: 'deleteStaff',
  request: { params: tenants.staffParams },
  responses: {
    204: { description: 'Đã xoá / deleted' },
    409: {
      description: 'Tự xoá mình, hoặc quản trị cuối cùng / yourself, or the last admin',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
