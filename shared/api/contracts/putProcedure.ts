import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as catalog from '../schemas/catalog';
import * as common from '../schemas/common';

export const putProcedureContract = {
  id: 'putProcedure',
  request: { params: catalog.codePath, body: catalog.procedureInput },
  responses: {
    200: { description: 'Thủ tục đã lưu', schema: catalog.procedure },
    422: { description: 'Thủ tục nêu cơ quan không có / names an unknown agency', schema: common.problem },
    409: {
      description: 'Thủ tục vừa được người khác sửa / changed by someone else meanwhile: retry',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
