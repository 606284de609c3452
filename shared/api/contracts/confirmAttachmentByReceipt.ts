import { confirmRefusals } from './attachment-responses';
import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as attachment from '../schemas/attachment';
import * as receipt from '../schemas/receipt-attachments';

export const confirmAttachmentByReceiptContract = {
  id: 'confirmAttachmentByReceipt',
  request: { params: receipt.receiptAttachmentParams },
  responses: {
    200: { description: 'Tệp đã lưu / the stored scan', schema: attachment.attachmentView },
    ...confirmRefusals,
    ...problemResponses,
  },
} as const satisfies RouteContract;
