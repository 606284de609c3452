import { confirmAttachmentContract } from '../../shared/api/contracts/confirmAttachment';
import { httpHandler } from '../../shared/platform/http';
import { confirmUpload } from '../../shared/usecases/attachments';

export const handler = httpHandler(confirmAttachmentContract, async ({ params, principal, annotate }) => {
  annotate({ dossierCode: params.code });
  return { status: 200, body: await confirmUpload(principal, params.code, params.id) };
});
