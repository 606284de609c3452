import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as attachment from '../schemas/attachment';

export const downloadAttachmentContract = {
  id: 'downloadAttachment',
  request: { params: attachment.attachmentParams },
  responses: { 200: { description: 'URL', schema: attachment.downloadLink }, ...problemResponses },
} as const satisfies RouteContract;
