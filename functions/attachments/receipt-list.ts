import { RECEIPT_SECRET_HEADER } from '../../shared/domain/citizens/receipt-secret';
import { listAttachmentsByReceiptContract } from '../../shared/api/contracts/listAttachmentsByReceipt';
import { listAttachmentsByReceiptMeta } from '../../shared/api/route-meta/listAttachmentsByReceipt';
import { httpHandler } from '../../shared/platform/http';
import { attachmentsByReceipt } from '../../shared/usecases/attachments-receipt';

/** Public, with the receipt secret in a header: the scans the holder uploaded. */
export const handler = httpHandler(
  listAttachmentsByReceiptMeta,
  listAttachmentsByReceiptContract,
  async ({ params, query, headers, annotate }) => {
    annotate({ dossierCode: params.code });
    return {
      status: 200,
      body: await attachmentsByReceipt(params.tenant, params.code, headers[RECEIPT_SECRET_HEADER], query),
      headers: { 'cache-control': 'private, no-store' },
    };
  },
);
