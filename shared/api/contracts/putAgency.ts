import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as catalog from '../schemas/catalog';
import * as common from '../schemas/common';

export const putAgencyContract = {
  id: 'putAgency',
  request: { params: catalog.agencyPath, body: catalog.agencyInput },
  responses: {
    200: { description: 'Cơ quan đã lưu', schema: catalog.agency },
    422: {
      description: 'Cơ quan cấp trên không có hoặc tạo vòng / unknown parent or a cycle in the tree',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
