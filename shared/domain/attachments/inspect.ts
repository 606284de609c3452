/**
 * What an uploaded scan must be, judged on the bytes that actually landed: the presigned URL's
 * conditions are not enforced by every S3 (s3rver ignores them), and a client can lie about the
 * type, so the confirm step checks size, the type by its magic bytes, and the SHA-256.
 */
import { MAX_ATTACHMENT_BYTES, type AttachmentType } from './kinds';

export type { AttachmentType };

const SIGNATURES: Array<{ type: AttachmentType; bytes: number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The number of leading bytes `detectType` needs. */
export const MAGIC_BYTES_NEEDED = 8;

export function detectType(head: Uint8Array): AttachmentType | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b))?.type;
}

export interface LandedFile {
  size: number;
  head: Uint8Array;
  sha256: string;
}

export interface Declared {
  contentType: AttachmentType;
  size: number;
  sha256?: string;
}

export interface Violation {
  rule: 'too-large' | 'size-mismatch' | 'type-mismatch' | 'unknown-type' | 'checksum-mismatch' | 'empty';
  message: string;
}

export function inspectUpload(declared: Declared, landed: LandedFile): Violation[] {
  const out: Violation[] = [];
  if (landed.size === 0) out.push({ rule: 'empty', message: 'Tệp rỗng / empty file' });
  if (landed.size > MAX_ATTACHMENT_BYTES)
    out.push({
      rule: 'too-large',
      message: `Tệp ${landed.size} byte, tối đa ${MAX_ATTACHMENT_BYTES} / file too large`,
    });
  if (landed.size !== declared.size)
    out.push({
      rule: 'size-mismatch',
      message: `Khai ${declared.size} byte nhưng nhận ${landed.size} / declared ${declared.size} bytes, got ${landed.size}`,
    });
  const actual = detectType(landed.head);
  if (!actual)
    out.push({ rule: 'unknown-type', message: 'Không phải PDF, JPEG hay PNG / not a PDF, JPEG or PNG' });
  else if (actual !== declared.contentType)
    out.push({
      rule: 'type-mismatch',
      message: `Khai ${declared.contentType} nhưng là ${actual} / declared ${declared.contentType}, is ${actual}`,
    });
  if (declared.sha256 && declared.sha256 !== landed.sha256)
    out.push({ rule: 'checksum-mismatch', message: 'SHA-256 không khớp / SHA-256 mismatch' });
  return out;
}
