import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as receipt from '../schemas/receipt-secret';

export const getDossierByReceiptContract = {
  id: 'getDossierByReceipt',
  request: { params: receipt.receiptParams },
  responses: {
    200: { description: 'Tình trạng đầy đủ / the full status', schema: receipt.receiptView },
    ...problemResponses,
  },
} as const satisfies RouteContract;
