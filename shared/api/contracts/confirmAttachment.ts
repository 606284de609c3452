import { confirmRefusals } from './attachment-responses';
import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as attachment from '../schemas/attachment';

export const confirmAttachmentContract = {
  id: 'confirmAttachment',
  request: { params: attachment.attachmentParams },
  responses: {
    200: { description: 'Tệp đã lưu', schema: attachment.attachmentView },
    ...confirmRefusals,
    ...problemResponses,
  },
} as const satisfies RouteContract;
