import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as dossier from '../schemas/dossier';
import * as actions from '../schemas/actions';

export const actOnDossierContract = {
  id: 'actOnDossier',
  request: { params: dossier.dossierCodeParams, body: actions.dossierAction },
  responses: {
    200: { description: 'Hồ sơ sau thao tác', schema: dossier.dossierView },
    409: {
      description:
        'Phiên bản cũ hoặc thao tác không hợp lệ lúc này / stale version or action not allowed now',
      schema: common.problem,
    },
    422: {
      description:
        'Thao tác trái quy tắc: cơ quan không có, bước không trước, hẹn mới không sau hoặc ngoài giờ / the action breaks a rule',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
