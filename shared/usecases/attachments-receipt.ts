/**
 * A receipt holder's scans (issue 11 §7): the applicant who submitted at a counter without an
 * account supplements online with the secret printed on form 01. The dossier is loaded and the
 * secret checked as on the other receipt routes (./receipt-dossier.ts: a wrong or missing secret is
 * the 404 of an unknown code, after the same reads); the upload, its limits and the confirm's
 * judgement are the signed-in callers' own (./attachments-upload.ts).
 *
 * The holder sees and confirms only the uploads they started (recorded with `uploadedBy`): the
 * scans the counter made of their papers stay with the staff, and a file name typed at the counter
 * is not shown to whoever learnt the secret alone.
 */
import type { CreateAttachment, UploadTicket } from '../api/schemas/attachment';
import { receiptHolderClaim } from '../domain/citizens/receipt-idempotency';
import { receiptHolder, RECEIPT_HOLDER_NAME } from '../domain/citizens/receipt-view';
import type { IdempotencyClaim } from '../domain/idempotency';
import { attachmentPageOn, confirmOn, newUpload, type RecordFilter } from './attachments-upload';
import { oncePerKey, type Outcome } from './once-per-key';
import type { PageRequest } from './paging';
import { dossierByReceipt } from './receipt-dossier';

/** The uploader a receipt secret makes, named as the history names the holder acting. */
const holderOf = (tenant: string, code: string) => ({
  subject: receiptHolder(tenant, code).subject,
  name: RECEIPT_HOLDER_NAME,
  receiptHolder: true as const,
});

/** The holder's own uploads: a record another uploader started is answered as absent. */
const startedByHolder =
  (tenant: string, code: string): RecordFilter =>
  (record) =>
    record.uploadedBy?.receiptHolder === true && record.uploadedBy.subject === holderOf(tenant, code).subject;

/**
 * An upload ticket for the holder, where the lifecycle lets the applicant add files (the signed-in
 * rule: the dossier is not closed, else 409). The secret is checked before a key is looked at, so
 * a replay answers only the holder, and the key is theirs alone (receipt-idempotency.ts).
 */
export async function startUploadByReceipt(
  tenant: string,
  code: string,
  typed: string | undefined,
  input: CreateAttachment,
  claim?: IdempotencyClaim,
): Promise<Outcome<UploadTicket>> {
  const dossier = await dossierByReceipt(tenant, code, typed, 'receipt.act');
  const scoped = claim && receiptHolderClaim(claim, dossier.tenant, dossier.code);
  return oncePerKey(scoped, (takeKey) => newUpload(dossier, input, holderOf(tenant, code), takeKey));
}

/** Judges and stores the holder's staged upload, as the signed-in confirm does. */
export async function confirmByReceipt(tenant: string, code: string, typed: string | undefined, id: string) {
  const dossier = await dossierByReceipt(tenant, code, typed, 'receipt.act');
  return confirmOn(dossier, id, startedByHolder(tenant, code));
}

/** The scans the holder uploaded, oldest first, a page at a time. */
export async function attachmentsByReceipt(
  tenant: string,
  code: string,
  typed: string | undefined,
  page: PageRequest,
) {
  const dossier = await dossierByReceipt(tenant, code, typed, 'receipt.read');
  return attachmentPageOn(dossier, page, startedByHolder(tenant, code));
}
