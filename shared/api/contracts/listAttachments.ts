import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as dossier from '../schemas/dossier';
import * as attachment from '../schemas/attachment';

export const listAttachmentsContract = {
  id: 'listAttachments',
  request: { params: dossier.dossierCodeParams, query: attachment.attachmentListQuery },
  responses: { 200: { description: 'Bản quét', schema: attachment.attachmentList }, ...problemResponses },
} as const satisfies RouteContract;
