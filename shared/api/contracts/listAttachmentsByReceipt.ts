import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as attachment from '../schemas/attachment';
import * as receipt from '../schemas/receipt-attachments';

export const listAttachmentsByReceiptContract = {
  id: 'listAttachmentsByReceipt',
  request: { params: receipt.receiptParams, query: attachment.attachmentListQuery },
  responses: {
    200: {
      description: 'Bản quét người nộp đã tải lên / the scans the holder uploaded',
      schema: attachment.attachmentList,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
