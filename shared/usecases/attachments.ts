/**
 * Scans attached to a dossier: a presigned upload, then a confirm step that judges what actually
 * landed and deletes what breaks the rules, then short-lived download links for those allowed.
 */
import {
  MAX_ATTACHMENT_BYTES,
  type AttachmentView,
  type CreateAttachment,
  type UploadTicket,
} from '../api/schemas/attachment';
import { inspectUpload, MAGIC_BYTES_NEEDED } from '../domain/attachments/inspect';
import type { IdempotencyClaim } from '../domain/idempotency';
import { newSortableId } from '../domain/ids';
import { toVnIso } from '../domain/vn-time';
import { attachmentPage, deleteAttachment, getAttachment, putAttachment } from '../data/attachment-repo';
import { deleteObject, presignDownload, presignUpload, readLanded } from '../data/attachment-store';
import { clock } from '../platform/clock';
import { ConflictError, NotFoundError, UnprocessableError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { dossierFor } from './dossier-views';
import { oncePerKey, type Outcome, type TakeKey } from './once-per-key';
import { pageOf, type PageRequest } from './paging';

const CLOSED = new Set(['refused', 'withdrawn', 'returned']);

/** A file name safe in an object key and a header: no control characters, at most 120 characters. */
const safeName = (name: string) =>
  Array.from(name, (ch) => (ch.charCodeAt(0) < 0x20 || '"\\/'.includes(ch) ? '_' : ch))
    .join('')
    .slice(-120);

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
  return oncePerKey(claim, (takeKey) => newUpload(principal, code, input, takeKey));
}

async function newUpload(
  principal: Principal,
  code: string,
  input: CreateAttachment,
  takeKey: TakeKey<UploadTicket>,
): Promise<UploadTicket> {
  const dossier = await dossierFor(principal, code);
  if (CLOSED.has(dossier.status))
    throw new ConflictError(`Hồ sơ đã ${dossier.status}, không nhận thêm tệp / the dossier is closed`);
  const now = clock.now();
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
  const objectKey = `${dossier.tenant}/${dossier.code}/${id}/${safeName(input.fileName)}`;
  // Signed first (no call to S3): the whole ticket is the answer stored with the key.
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
    { tenant: dossier.tenant, code: dossier.code, id, objectKey, status: 'pending', attachment },
    takeKey(ticket),
  );
  return ticket;
}

export async function confirmUpload(principal: Principal, code: string, id: string): Promise<AttachmentView> {
  const dossier = await dossierFor(principal, code);
  const record = await getAttachment(dossier.tenant, dossier.code, id);
  if (!record) throw new NotFoundError(`Không có tệp ${id} / no attachment ${id}`);
  if (record.status === 'stored') return record.attachment;

  const landed = await readLanded(record.objectKey, MAGIC_BYTES_NEEDED, MAX_ATTACHMENT_BYTES);
  if (!landed) {
    throw new ConflictError(
      'Chưa nhận được tệp, hãy tải lên rồi xác nhận / nothing uploaded yet: upload, then confirm',
    );
  }
  const declared = {
    contentType: record.attachment.contentType as CreateAttachment['contentType'],
    size: record.attachment.size,
    sha256: record.attachment.sha256,
  };
  const violations = inspectUpload(declared, landed);
  if (violations.length > 0) {
    await deleteObject(record.objectKey, landed.versionId);
    await deleteAttachment(dossier.tenant, dossier.code, id);
    throw new UnprocessableError(
      'attachment-rejected',
      `Tệp bị từ chối và đã xoá / the file was rejected and deleted: ${violations.map((v) => v.message).join('; ')}`,
      violations.map((v) => ({ field: 'file', rule: v.rule, message: v.message })),
    );
  }
  const attachment: AttachmentView = {
    ...record.attachment,
    sha256: landed.sha256,
    status: 'stored',
    storedAt: toVnIso(clock.now()),
  };
  await putAttachment({ ...record, status: 'stored', attachment });
  return attachment;
}

/** The dossier's scans, oldest first, a page at a time. */
export async function attachmentsOf(principal: Principal, code: string, page: PageRequest) {
  const dossier = await dossierFor(principal, code);
  const { items, more } = await attachmentPage(dossier.tenant, dossier.code, {
    after: page.cursor,
    limit: page.limit,
  });
  return pageOf(
    'attachments',
    items.map((r) => r.attachment),
    more,
    (a) => a.id,
  );
}

export async function downloadLink(principal: Principal, code: string, id: string) {
  const dossier = await dossierFor(principal, code);
  const record = await getAttachment(dossier.tenant, dossier.code, id);
  if (!record || record.status !== 'stored')
    throw new NotFoundError(`Không có tệp đã lưu ${id} / no stored attachment ${id}`);
  const link = await presignDownload(
    record.objectKey,
    record.attachment.fileName,
    record.attachment.contentType,
  );
  return { url: link.url, expiresAt: toVnIso(link.expiresAt) };
}
