/** Scans accepted as attachments, and how large. The type is checked again by magic bytes once the file lands. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
