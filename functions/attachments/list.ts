import { listAttachmentsContract } from '../../shared/api/contracts/listAttachments';
import { httpHandler } from '../../shared/platform/http';
import { attachmentsOf } from '../../shared/usecases/attachments';

export const handler = httpHandler(listAttachmentsContract, async ({ params, query, principal }) => ({
  status: 200,
  body: await attachmentsOf(principal, params.code, query),
}));
