import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as tenants from '../schemas/tenants';

export const updateStaffContract = {
  id: 'updateStaff',
  request: { params: tenants.staffParams, body: tenants.updateStaff },
  responses: {
    200: { description: 'Sau khi sửa', schema: tenants.staffView },
    422: {
      description: 'Cơ quan không có, tự khoá mình / unknown agency, or locking yourself out',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
