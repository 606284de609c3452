import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as receipt from '../schemas/receipt-secret';
import { receiptAction } from '../schemas/receipt-action';

export const actOnDossierByReceiptContract = {
  id: 'actOnDossierByReceipt',
  request: { params: receipt.receiptParams, body: receiptAction },
  responses: {
    200: { description: 'Hồ sơ sau thao tác / the dossier after the action', schema: receipt.receiptView },
    409: {
      description:
        'Phiên bản cũ hoặc thao tác không hợp lệ lúc này / stale version or action not allowed now',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
