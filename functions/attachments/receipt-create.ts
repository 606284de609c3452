import { RECEIPT_SECRET_HEADER } from '../../shared/domain/citizens/receipt-secret';
import { createAttachmentByReceiptContract } from '../../shared/api/contracts/createAttachmentByReceipt';
import { createAttachmentByReceiptMeta } from '../../shared/api/route-meta/createAttachmentByReceipt';
import { httpHandler } from '../../shared/platform/http';
import { startUploadByReceipt } from '../../shared/usecases/attachments-receipt';

/** Public, with the receipt secret in a header: an upload ticket for a supplement's scan. */
export const handler = httpHandler(
  createAttachmentByReceiptMeta,
  createAttachmentByReceiptContract,
  async ({ params, body, headers, idempotency, annotate }) => {
    annotate({ dossierCode: params.code });
    const { result: ticket } = await startUploadByReceipt(
      params.tenant,
      params.code,
      headers[RECEIPT_SECRET_HEADER],
      body,
      idempotency,
    );
    return { status: 201, body: ticket, headers: { 'cache-control': 'private, no-store' } };
  },
);
