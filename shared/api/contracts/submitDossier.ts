import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as dossier from '../schemas/dossier';
import * as receipt from '../schemas/receipt-secret';

export const submitDossierContract = {
  id: 'submitDossier',
  request: { body: dossier.submitDossier },
  responses: {
    201: { description: 'Hồ sơ đã tạo / dossier created', schema: receipt.submittedDossierView },
    409: {
      description: 'Yêu cầu trùng đang xử lý / same Idempotency-Key in progress',
      schema: common.problem,
    },
    422: {
      description:
        'Thủ tục không có, không nhận trực tuyến, sai nơi tiếp nhận hoặc cơ quan giải quyết / unknown procedure, not offered online, wrong reception point or competent agency',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
