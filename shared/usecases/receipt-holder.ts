/**
 * The receipt holder's use cases (issue 11 §7): an applicant without an account gives the dossier
 * code and the secret printed on its receipt to see the full status, supplement or withdraw. The
 * secret is checked in constant time before the policy (relation `holdsReceipt`) is asked; a wrong
 * or missing secret gets the very 404 an unknown code gets, so it tells nothing more than public
 * tracking already does.
 */
import { receiptHolder, receiptHolderView, RECEIPT_HOLDER_NAME } from '../domain/citizens/receipt-view';
import type { Actor } from '../domain/dossier/model';
import { applyAction } from '../domain/lifecycle/engine';
import { decide, dossierFacts, type Action } from '../domain/policy';
import type { ReceiptAction } from '../api/schemas/receipt-secret';
import { agenciesByCode } from '../data/catalog-repo';
import { getDossier } from '../data/dossier-repo';
import { checkReceiptSecret } from '../data/receipt-secret-repo';
import { clock } from '../platform/clock';
import { NotFoundError } from '../platform/errors';
import { saveChange, staleDossier } from './save-dossier';
import { tenantCalendar } from './tenant';

/** The words public tracking answers an unknown code with (dossier-views.ts): nothing more. */
const notFound = (code: string) => new NotFoundError(`Không có hồ sơ ${code} / no dossier ${code}`);

/**
 * The dossier, if `typed` is its receipt secret and the policy lets a receipt holder take `action`
 * on it. Both reads run whatever the answer, so an unknown code and a wrong secret cost the same.
 */
async function dossierByReceipt(tenant: string, code: string, typed: string | undefined, action: Action) {
  const [dossier, holds] = await Promise.all([
    getDossier(tenant, code),
    checkReceiptSecret(tenant, code, typed ?? ''),
  ]);
  if (!dossier || !holds) throw notFound(code);
  if (!decide(receiptHolder(tenant, code), action, dossierFacts(dossier)).allow) throw notFound(code);
  return dossier;
}

/** The full status, as the applicant sees it signed in, without the contact data. */
export async function receiptStatus(tenant: string, code: string, typed: string | undefined) {
  const dossier = await dossierByReceipt(tenant, code, typed, 'receipt.read');
  return receiptHolderView(dossier, await agenciesByCode(tenant));
}

/**
 * Supplements (`resubmit`, when the counter asked for one) or withdraws, as the lifecycle lets the
 * applicant; answers the receipt holder's view. The history names the applicant, not a username.
 */
export async function actByReceipt(
  tenant: string,
  code: string,
  typed: string | undefined,
  request: ReceiptAction,
) {
  const current = await dossierByReceipt(tenant, code, typed, 'receipt.act');
  if (current.version !== request.expectedVersion) throw staleDossier(current.version);
  const [calendar, agencies] = await Promise.all([tenantCalendar(tenant), agenciesByCode(tenant)]);
  const holder = receiptHolder(tenant, code);
  const actor: Actor = {
    subject: holder.subject,
    username: RECEIPT_HOLDER_NAME,
    kind: 'citizen',
    roles: holder.roles,
    receiptFor: code,
  };
  const { dossier, events } = applyAction(current, request, actor, clock.now(), calendar, (c) =>
    agencies.has(c),
  );
  await saveChange(current, dossier, events);
  return receiptHolderView(dossier, agencies);
}
