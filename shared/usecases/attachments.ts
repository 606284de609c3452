/**
 * Scans attached to a dossier, for signed-in callers: the policy decides on the principal and the
 * dossier (dossier-views.ts `dossierFor`), then the upload logic shared with the receipt holder
 * (./attachments-upload.ts) does the work; and short-lived download links to a stored scan for
 * those allowed to read it.
 */
import type { CreateAttachment, UploadTicket } from '../api/schemas/attachment';
import type { IdempotencyClaim } from '../domain/idempotency';
import { toVnIso } from '../domain/vn-time';
import { getAttachment } from '../data/attachment-repo';
import { presignDownload } from '../data/attachment-store';
import { NotFoundError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { attachmentPageOn, confirmOn, newUpload } from './attachments-upload';
import { dossierFor } from './dossier-views';
import { recordDossierRead } from './audit';
import { oncePerKey, type Outcome } from './once-per-key';
import type { PageRequest } from './paging';

/**
 * A pending attachment record and a presigned upload for it. With a claimed key, a retry gets the
 * first ticket back (its URL may have expired by then: ask again with a new key) and no second record.
 */
export function startUpload(
  principal: Principal,
  code: string,
  input: CreateAttachment,
  claim?: IdempotencyClaim,
): Promise<Outcome<UploadTicket>> {
  return oncePerKey(claim, async (takeKey) => {
    const dossier = await dossierFor(principal, code, 'attachments.write');
    const by = { subject: principal.subject, name: principal.username };
    return newUpload(dossier, input, by, takeKey);
  });
}

/** Judges and stores the staged upload (attachments-upload.ts `confirmOn`). */
export async function confirmUpload(principal: Principal, code: string, id: string) {
  return confirmOn(await dossierFor(principal, code, 'attachments.write'), id);
}

/** The dossier's scans, oldest first, a page at a time: every uploader's. */
export async function attachmentsOf(principal: Principal, code: string, page: PageRequest) {
  return attachmentPageOn(await dossierFor(principal, code, 'attachments.read'), page);
}

export async function downloadLink(principal: Principal, code: string, id: string) {
  const dossier = await dossierFor(principal, code, 'attachments.read');
  const record = await getAttachment(dossier.tenant, dossier.code, id);
  if (!record || record.status !== 'stored')
    throw new NotFoundError(`Không có tệp đã lưu ${id} / no stored attachment ${id}`);
  // A scan of the applicant's papers (ID card, contracts): the URL is the read, recorded first.
  await recordDossierRead(principal, dossier.code);
  const link = await presignDownload(
    record.objectKey,
    record.versionId,
    record.attachment.fileName,
    record.attachment.contentType,
  );
  return { url: link.url, expiresAt: toVnIso(link.expiresAt) };
}
