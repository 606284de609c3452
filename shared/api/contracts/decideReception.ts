import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as dossier from '../schemas/dossier';

export const decideReceptionContract = {
  id: 'decideReception',
  request: { params: dossier.dossierCodeParams, body: dossier.receptionDecisionRequest },
  responses: {
    200: { description: 'Hồ sơ sau quyết định', schema: dossier.dossierView },
    409: { description: 'Trạng thái không cho phép / wrong state', schema: common.problem },
    422: { description: 'Quyết định trái quy tắc / the decision breaks a rule', schema: common.problem },
    ...problemResponses,
  },
} as const satisfies RouteContract;
