import { RECEIPT_SECRET_HEADER } from '../../shared/domain/citizens/receipt-secret';
import { getDossierByReceiptContract } from '../../shared/api/contracts/getDossierByReceipt';
import { getDossierByReceiptMeta } from '../../shared/api/route-meta/getDossierByReceipt';
import { httpHandler } from '../../shared/platform/http';
import { receiptStatus } from '../../shared/usecases/receipt-holder';

/** Public, with the receipt secret in a header (never logged, never in the URL). */
export const handler = httpHandler(
  getDossierByReceiptMeta,
  getDossierByReceiptContract,
  async ({ params, headers, annotate }) => {
    annotate({ dossierCode: params.code });
    return {
      status: 200,
      body: await receiptStatus(params.tenant, params.code, headers[RECEIPT_SECRET_HEADER]),
      headers: { 'cache-control': 'private, no-store' },
    };
  },
);
