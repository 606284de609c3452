import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as serviceIndex from '../schemas/service-index';

export const putServiceIndexInputsContract = {
  id: 'putServiceIndexInputs',
  request: { body: serviceIndex.serviceIndexInputsBody },
  responses: {
    200: {
      description: 'Đã lưu, kèm người nhập / stored, with who entered it',
      schema: serviceIndex.serviceIndexInputsView,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
