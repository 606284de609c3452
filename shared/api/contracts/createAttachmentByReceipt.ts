import { uploadRefusals } from './attachment-responses';
import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as attachment from '../schemas/attachment';
import * as receipt from '../schemas/receipt-attachments';

export const createAttachmentByReceiptContract = {
  id: 'createAttachmentByReceipt',
  request: { params: receipt.receiptParams, body: attachment.createAttachment },
  responses: {
    201: { description: 'Vé tải lên / the upload ticket', schema: attachment.uploadTicket },
    ...uploadRefusals,
    ...problemResponses,
  },
} as const satisfies RouteContract;
