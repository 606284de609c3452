import * as z from 'zod/mini';
import { attachmentId, dossierCode, singleLine } from './common';
import { nextCursor, pageQuery } from './page';

import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../../domain/attachments/kinds';

export { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES };

export const createAttachment = z.object({
  /** Becomes part of the S3 object key and of the download's Content-Disposition header. */
  fileName: singleLine(255).check(
    z.minLength(1),
    z.regex(/^[^/\\]+$/, 'tên tệp không chứa / hoặc \\ / no path separators'),
  ),
  contentType: z.enum(ATTACHMENT_TYPES, 'chỉ nhận PDF, JPEG, PNG / only PDF, JPEG, PNG'),
  size: z.number().check(z.int(), z.gte(1), z.lte(MAX_ATTACHMENT_BYTES, 'tệp tối đa 20 MB / at most 20 MB')),
  /** Optional hex SHA-256 the client computed; the confirm step compares it with what landed. */
  sha256: z.optional(
    z.string().check(z.maxLength(64), z.regex(/^[0-9a-f]{64}$/, 'SHA-256 dạng hex / hex SHA-256')),
  ),
  /** Which required document this scan is (name from the procedure's documents list). */
  document: z.optional(singleLine(500)),
});
export type CreateAttachment = z.infer<typeof createAttachment>;

export const attachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.optional(z.string()),
  document: z.optional(z.string()),
  status: z.enum(['pending', 'stored']),
  createdAt: z.string(),
  storedAt: z.optional(z.string()),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const uploadTicket = z.object({
  attachment: attachmentView,
  upload: z.object({
    method: z.literal('PUT'),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  }),
});
export type UploadTicket = z.infer<typeof uploadTicket>;

export const attachmentList = z.object({ items: z.array(attachmentView), nextCursor });
export const downloadLink = z.object({ url: z.string(), expiresAt: z.string() });
export const attachmentParams = z.object({ code: dossierCode, id: attachmentId });
export const attachmentListQuery = z.strictObject(pageQuery('attachments', attachmentId));
