import { downloadAttachmentContract } from '../../shared/api/contracts/downloadAttachment';
import { downloadAttachmentMeta } from '../../shared/api/route-meta/downloadAttachment';
import { httpHandler } from '../../shared/platform/http';
import { downloadLink } from '../../shared/usecases/attachments';

export const handler = httpHandler(
  downloadAttachmentMeta,
  downloadAttachmentContract,
  async ({ params, principal }) => ({
    status: 200,
    body: await downloadLink(principal, params.code, params.id),
  }),
);
