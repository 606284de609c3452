import { RECEIPT_SECRET_HEADER } from '../../shared/domain/citizens/receipt-secret';
import { confirmAttachmentByReceiptContract } from '../../shared/api/contracts/confirmAttachmentByReceipt';
import { confirmAttachmentByReceiptMeta } from '../../shared/api/route-meta/confirmAttachmentByReceipt';
import { httpHandler } from '../../shared/platform/http';
import { confirmByReceipt } from '../../shared/usecases/attachments-receipt';

/** Public, with the receipt secret in a header: the holder's upload judged and stored. */
export const handler = httpHandler(
  confirmAttachmentByReceiptMeta,
  confirmAttachmentByReceiptContract,
  async ({ params, headers, annotate }) => {
    annotate({ dossierCode: params.code });
    return {
      status: 200,
      body: await confirmByReceipt(params.tenant, params.code, headers[RECEIPT_SECRET_HEADER], params.id),
      headers: { 'cache-control': 'private, no-store' },
    };
  },
);
