import { uploadRefusals } from './attachment-responses';
import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as dossier from '../schemas/dossier';
import * as attachment from '../schemas/attachment';

export const createAttachmentContract = {
  id: 'createAttachment',
  request: { params: dossier.dossierCodeParams, body: attachment.createAttachment },
  responses: {
    201: { description: 'Vé tải lên', schema: attachment.uploadTicket },
    ...uploadRefusals,
    ...problemResponses,
  },
} as const satisfies RouteContract;
