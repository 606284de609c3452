/**
 * The receipt holder's proof (issue 11 §7), shared by every route that takes the secret printed on
 * form 01 (./receipt-holder.ts, ./attachments-receipt.ts): the secret is checked in constant time
 * before the policy (relation `holdsReceipt`) is asked; a wrong or missing secret gets the very 404
 * an unknown code gets, so it tells nothing more than public tracking already does.
 */
import { receiptHolder } from '../domain/citizens/receipt-view';
import { decide, dossierFacts, type Action } from '../domain/policy';
import { getDossier } from '../data/dossier-read';
import { checkReceiptSecret } from '../data/receipt-secret-repo';
import { unknownDossier } from './unknown-dossier';

/**
 * The dossier, if `typed` is its receipt secret and the policy lets a receipt holder take `action`
 * on it. Both reads run whatever the answer, so an unknown code and a wrong secret cost the same.
 */
export async function dossierByReceipt(
  tenant: string,
  code: string,
  typed: string | undefined,
  action: Action,
) {
  const [dossier, holds] = await Promise.all([
    getDossier(tenant, code),
    checkReceiptSecret(tenant, code, typed ?? ''),
  ]);
  if (!dossier || !holds) throw unknownDossier(code);
  if (!decide(receiptHolder(tenant, code), action, dossierFacts(dossier)).allow) throw unknownDossier(code);
  return dossier;
}
