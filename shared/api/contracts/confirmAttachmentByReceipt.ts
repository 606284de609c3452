import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as attachment from '../schemas/attachment';
import * as receipt from '../schemas/receipt-attachments';

export const confirmAttachmentByReceiptContract = {
  id: 'confirmAttachmentByReceipt',
  request: { params: receipt.receiptAttachmentParams },
  responses: {
    200: { description: 'Tệp đã lưu / the stored scan', schema: attachment.attachmentView },
    409: {
      description: 'Chưa nhận được tệp / nothing uploaded yet: upload, then confirm',
      schema: common.problem,
    },
    422: {
      description: 'Tệp vi phạm quy định, đã xoá / file broke the rules and was deleted',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
