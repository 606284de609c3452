import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as catalog from '../schemas/catalog';
import * as common from '../schemas/common';

export const putTenantSettingsContract = {
  id: 'putTenantSettings',
  request: { body: catalog.tenantSettings },
  responses: {
    200: { description: 'Cấu hình đã lưu', schema: catalog.tenantView },
    422: {
      description: 'Không dựng được lịch làm việc / no working calendar can be built from it',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
