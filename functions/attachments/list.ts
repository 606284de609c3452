import { listAttachmentsContract } from '../../shared/api/contracts/listAttachments';
import { listAttachmentsMeta } from '../../shared/api/route-meta/listAttachments';
import { httpHandler } from '../../shared/platform/http';
import { attachmentsOf } from '../../shared/usecases/attachments';

export const handler = httpHandler(
  listAttachmentsMeta,
  listAttachmentsContract,
  async ({ params, query, principal }) => ({
    status: 200,
    body: await attachmentsOf(principal, params.code, query),
  }),
);
