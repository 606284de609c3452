import type { RouteContract } from './contract';
import * as common from '../schemas/common';

export const notFoundContract = {
  id: 'notFound',
  responses: { 404: { description: 'Không có đường dẫn này / no such route', schema: common.problem } },
} as const satisfies RouteContract;
