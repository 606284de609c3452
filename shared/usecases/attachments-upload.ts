/**
 * Scans attached to a dossier, once the caller is known to be allowed: a presigned upload to a
 * staging key, then a confirm step that judges what actually landed, deletes what breaks the rules
 * and stores the bytes it judged under a key no upload URL reaches. Unconfirmed uploads expire, and
 * a dossier holds only so many of them.
 *
 * Who is calling and how they proved it is the callers' business: a signed-in user
 * (./attachments.ts, the policy on a principal) or a receipt holder (./attachments-receipt.ts, the
 * secret printed on form 01). Both hand over the dossier they loaded and authorized, and the one
 * implementation below does the rest, so the two can never judge an upload differently.
 */
import {
  MAX_ATTACHMENT_BYTES,
  type AttachmentView,
  type CreateAttachment,
  type UploadTicket,
} from '../api/schemas/attachment';
import { inspectUpload, MAGIC_BYTES_NEEDED } from '../domain/attachments/inspect';
import { isExpiredPending, pendingExpiresAt, pendingLimitViolation } from '../domain/attachments/pending';
import type { Dossier } from '../domain/dossier/model';
import { newSortableId } from '../domain/ids';
import { FINAL_STATUSES } from '../domain/lifecycle/statuses';
import { toVnIso } from '../domain/vn-time';
import { stagingKey, storedKey } from '../data/attachment-keys';
import {
  attachmentPage,
  discardPending,
  getAttachment,
  markStored,
  pendingAttachments,
  putAttachment,
  type AttachmentRecord,
  type Uploader,
} from '../data/attachment-repo';
import { deleteObject, presignUpload, readStaged, storeChecked } from '../data/attachment-store';
import { clock } from '../platform/clock';
import { ConflictError, NotFoundError, UnprocessableError } from '../platform/errors';
import { meterStored } from './meter-use';
import type { TakeKey } from './once-per-key';
import { pageOf, type PageRequest } from './paging';

export type { Uploader };

/** What the upload logic needs of the dossier its caller loaded and authorized. */
export type AttachmentTarget = Pick<Dossier, 'tenant' | 'code' | 'status'>;

/** Which of the dossier's records a caller may see or confirm (all of them, unless narrowed). */
export type RecordFilter = (record: AttachmentRecord) => boolean;
const everyRecord: RecordFilter = () => true;

const noAttachment = (id: string) => new NotFoundError(`Không có tệp ${id} / no attachment ${id}`);

/** A file name safe in an object key and a header: no control characters, at most 120 characters. */
const safeName = (name: string) =>
  Array.from(name, (ch) => (ch.charCodeAt(0) < 0x20 || '"\\/'.includes(ch) ? '_' : ch))
    .join('')
    .slice(-120);

/**
 * A pending attachment record and a presigned upload for it, on a dossier that is still open (the
 * lifecycle's rule for every uploader: a closed dossier takes no more files). `uploadedBy` is kept
 * on the record, never shown in the view: it says whose upload it is (the receipt holder sees and
 * confirms only theirs).
 */
export async function newUpload(
  dossier: AttachmentTarget,
  input: CreateAttachment,
  uploadedBy: Uploader,
  takeKey: TakeKey<UploadTicket>,
): Promise<UploadTicket> {
  if (FINAL_STATUSES.has(dossier.status))
    throw new ConflictError(`Hồ sơ đã ${dossier.status}, không nhận thêm tệp / the dossier is closed`);
  const now = clock.now();
  // Checked before the write, so two requests racing for the last place can both get one: the cap
  // bounds what an abandoned or hostile client leaves behind, it is not a quota to the unit.
  const pending = await pendingAttachments(dossier.tenant, dossier.code);
  const limit = pendingLimitViolation(pending.filter((r) => !isExpiredPending(r, now)).length);
  if (limit) {
    throw new UnprocessableError(limit.rule, limit.message, [
      { field: 'dossier', rule: limit.rule, message: limit.message },
    ]);
  }
  const id = newSortableId(now);
  const attachment: AttachmentView = {
    id,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    sha256: input.sha256,
    document: input.document,
    status: 'pending',
    createdAt: toVnIso(now),
  };
  // The URL is signed for the staging key: whatever is PUT there later is only ever read by confirm.
  // Signed first (no call to S3): the whole ticket is the answer stored with the key.
  const objectKey = stagingKey(dossier.tenant, dossier.code, id);
  const upload = await presignUpload(objectKey, input.contentType, input.size);
  const ticket: UploadTicket = {
    attachment,
    upload: {
      method: 'PUT',
      url: upload.url,
      headers: upload.headers,
      expiresAt: toVnIso(upload.expiresAt),
    },
  };
  await putAttachment(
    {
      tenant: dossier.tenant,
      code: dossier.code,
      id,
      objectKey,
      status: 'pending',
      attachment,
      uploadedBy,
      expiresAt: pendingExpiresAt(now),
    },
    takeKey(ticket),
  );
  return ticket;
}

/**
 * Judges the staged upload and, if it keeps the rules, stores the very bytes it judged under their
 * final key (read once into memory, at most MAX_ATTACHMENT_BYTES, then written by this step alone).
 * So a PUT to the upload URL during or after the confirm cannot change what is served: it lands
 * in staging, which nothing serves. Only a pending record changes, conditionally, so concurrent
 * confirms cannot replace a stored scan. A record `mine` refuses is answered as if absent.
 */
export async function confirmOn(
  dossier: AttachmentTarget,
  id: string,
  mine: RecordFilter = everyRecord,
): Promise<AttachmentView> {
  const record = await getAttachment(dossier.tenant, dossier.code, id);
  if (!record || !mine(record)) throw noAttachment(id);
  if (record.status === 'stored') return record.attachment;
  if (isExpiredPending(record, clock.now())) {
    await discard(record);
    throw new NotFoundError(
      `Lượt tải lên ${id} đã hết hạn, hãy tải lên lại / upload ${id} expired: start a new upload`,
    );
  }

  const staged = await readStaged(record.objectKey, MAX_ATTACHMENT_BYTES);
  if (!staged) {
    throw new ConflictError(
      'Chưa nhận được tệp, hãy tải lên rồi xác nhận / nothing uploaded yet: upload, then confirm',
    );
  }
  const declared = {
    contentType: record.attachment.contentType as CreateAttachment['contentType'],
    size: record.attachment.size,
    sha256: record.attachment.sha256,
  };
  const violations = inspectUpload(declared, {
    size: staged.size,
    head: new Uint8Array(staged.bytes.subarray(0, MAGIC_BYTES_NEEDED)),
    sha256: staged.sha256,
  });
  if (violations.length > 0) {
    await deleteObject(record.objectKey, staged.versionId);
    // A concurrent confirm may have stored an upload that kept the rules: that one stands.
    if (!(await discardPending(dossier.tenant, dossier.code, id))) return settled(record);
    throw new UnprocessableError(
      'attachment-rejected',
      `Tệp bị từ chối và đã xoá / the file was rejected and deleted: ${violations.map((v) => v.message).join('; ')}`,
      violations.map((v) => ({ field: 'file', rule: v.rule, message: v.message })),
    );
  }

  const key = storedKey(
    dossier.tenant,
    dossier.code,
    id,
    staged.sha256,
    safeName(record.attachment.fileName),
  );
  const { versionId } = await storeChecked(key, staged.bytes, {
    contentType: declared.contentType,
    sha256: staged.sha256,
  });
  const attachment: AttachmentView = {
    ...record.attachment,
    sha256: staged.sha256,
    status: 'stored',
    storedAt: toVnIso(clock.now()),
  };
  const stored = await markStored({
    tenant: record.tenant,
    code: record.code,
    id,
    objectKey: key,
    versionId,
    status: 'stored',
    attachment,
    uploadedBy: record.uploadedBy,
  });
  if (!stored) return settled(record);
  // Metering: this confirm is the one that stored the file (markStored's condition).
  await meterStored(dossier.tenant, staged.size);
  // The staged copy has served its purpose. Should this delete fail, the staging lifecycle rule
  // (offline: the sweep) removes it; the confirm itself has succeeded.
  await deleteObject(record.objectKey, staged.versionId).catch(() => undefined);
  return attachment;
}

/** What a concurrent confirm made of the upload: its stored scan, or gone. */
async function settled(record: AttachmentRecord): Promise<AttachmentView> {
  const current = await getAttachment(record.tenant, record.code, record.id);
  if (current?.status === 'stored') return current.attachment;
  throw noAttachment(record.id);
}

/** An expired upload: its record and whatever was staged go now, before TTL or lifecycle get to them. */
async function discard(record: AttachmentRecord): Promise<void> {
  await deleteObject(record.objectKey);
  await discardPending(record.tenant, record.code, record.id);
}

/**
 * The dossier's scans that `visible` keeps, oldest first, a page at a time. An expired upload is
 * gone even before TTL removes its record, so a page may hold fewer items than the limit (or none,
 * where the filter keeps few); the cursor still goes on.
 */
export async function attachmentPageOn(
  dossier: AttachmentTarget,
  page: PageRequest,
  visible: RecordFilter = everyRecord,
) {
  const { items, more } = await attachmentPage(dossier.tenant, dossier.code, {
    after: page.cursor,
    limit: page.limit,
  });
  const now = clock.now();
  // The cursor is the last record read, shown or not, so a page the filter emptied still goes on.
  const read = pageOf('attachments', items, more, (r) => r.id);
  return {
    ...read,
    items: read.items.filter((r) => !isExpiredPending(r, now) && visible(r)).map((r) => r.attachment),
  };
}
