import { RECEIPT_SECRET_HEADER } from '../../shared/domain/citizens/receipt-secret';
import { actOnDossierByReceiptContract } from '../../shared/api/contracts/actOnDossierByReceipt';
import { actOnDossierByReceiptMeta } from '../../shared/api/route-meta/actOnDossierByReceipt';
import { httpHandler } from '../../shared/platform/http';
import { actByReceipt } from '../../shared/usecases/receipt-holder';

/** Public, with the receipt secret in a header: the applicant supplements or withdraws. */
export const handler = httpHandler(
  actOnDossierByReceiptMeta,
  actOnDossierByReceiptContract,
  async ({ params, body, headers, annotate }) => {
    annotate({ dossierCode: params.code, action: body.action });
    return {
      status: 200,
      body: await actByReceipt(params.tenant, params.code, headers[RECEIPT_SECRET_HEADER], body),
      headers: { 'cache-control': 'private, no-store' },
    };
  },
);
