/**
 * The receipt holder's use cases (issue 11 §7): an applicant without an account gives the dossier
 * code and the secret printed on its receipt to see the full status, supplement or withdraw (and
 * upload the missing scans: ./attachments-receipt.ts). How the secret is checked, and why a wrong
 * or missing one gets the very 404 an unknown code gets: ./receipt-dossier.ts.
 */
import { receiptHolder, receiptHolderView, RECEIPT_HOLDER_NAME } from '../domain/citizens/receipt-view';
import type { Actor } from '../domain/dossier/model';
import { applyAction } from '../domain/lifecycle/engine';
import type { ReceiptAction } from '../api/schemas/receipt-action';
import { agenciesByCode } from '../data/catalog-reads';
import { clock } from '../platform/clock';
import { dossierByReceipt } from './receipt-dossier';
import { saveChange, staleDossier } from './save-dossier';
import { tenantCalendar } from './tenant';

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
