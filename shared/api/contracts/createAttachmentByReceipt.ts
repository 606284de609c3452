import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as attachment from '../schemas/attachment';
import * as receipt from '../schemas/receipt-attachments';

export const createAttachmentByReceiptContract = {
  id: 'createAttachmentByReceipt',
  request: { params: receipt.receiptParams, body: attachment.createAttachment },
  responses: {
    201: { description: 'Vé tải lên / the upload ticket', schema: attachment.uploadTicket },
    409: { description: 'Hồ sơ đã kết thúc / the dossier is closed', schema: common.problem },
    422: {
      description: 'Quá nhiều tệp chờ xác nhận / too many unconfirmed uploads (pending-upload-limit)',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
