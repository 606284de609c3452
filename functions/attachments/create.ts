import { createAttachmentContract } from '../../shared/api/contracts/createAttachment';
import { createAttachmentMeta } from '../../shared/api/route-meta/createAttachment';
import { httpHandler } from '../../shared/platform/http';
import { startUpload } from '../../shared/usecases/attachments';

export const handler = httpHandler(
  createAttachmentMeta,
  createAttachmentContract,
  async ({ params, body, principal, idempotency, annotate }) => {
    annotate({ dossierCode: params.code });
    const { result: ticket } = await startUpload(principal, params.code, body, idempotency);
    return { status: 201, body: ticket };
  },
);
