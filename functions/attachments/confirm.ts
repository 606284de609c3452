import { confirmAttachmentContract } from '../../shared/api/contracts/confirmAttachment';
import { confirmAttachmentMeta } from '../../shared/api/route-meta/confirmAttachment';
import { httpHandler } from '../../shared/platform/http';
import { confirmUpload } from '../../shared/usecases/attachments';

export const handler = httpHandler(
  confirmAttachmentMeta,
  confirmAttachmentContract,
  async ({ params, principal, annotate }) => {
    annotate({ dossierCode: params.code });
    return { status: 200, body: await confirmUpload(principal, params.code, params.id) };
  },
);
