/**
 * Field-level sealing of personal data (issue 11 §5): AES-256-GCM per value, the associated data
 * binding the ciphertext to its tenant, its record (a dossier code, an idempotency key…) and its
 * field, so a sealed value copied to another dossier, field or province fails to open.
 *
 * Compact, versioned text: `s1.<keyVersion>.<iv>.<ciphertext+tag>` (base64url). `s1` is the
 * format; the key version says which of the tenant's data keys sealed it, so keys rotate without
 * rewriting old items. Pure (node:crypto only): the keys come from the data layer's key store.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT = 's1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** What `sealValue` produces: matched strictly, so a clear value can never pass for a sealed one. */
const SEALED_PATTERN = /^s1\.(\d{1,6})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

/** One version of a tenant's keys: separate subkeys for sealing and for the keyed hash. */
export interface FieldKeys {
  version: number;
  encryption: Buffer;
  hash: Buffer;
}

/** Where a sealed value belongs: its AAD. A value opens only under the same three. */
export interface SealContext {
  tenant: string;
  /** The record: a dossier code, `idem#<route>#<hash>`, `dlv#<subscription>#<id>`. */
  record: string;
  field: string;
}

/**
 * The two subkeys of one data key (HKDF-SHA256, info naming the use): the hash key is never the
 * encryption key, so a leaked hash reveals nothing of the cipher and the other way round.
 */
export function deriveFieldKeys(dataKey: Uint8Array, version: number): FieldKeys {
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `motcua/personal-data/${info}`, 32));
  return { version, encryption: derive('seal-v1'), hash: derive('id-hash-v1') };
}

const aad = (c: SealContext) => Buffer.from(JSON.stringify([FORMAT, c.tenant, c.record, c.field]), 'utf8');

export const isSealed = (value: unknown): value is string =>
  typeof value === 'string' && SEALED_PATTERN.test(value);

/** The key version a sealed value names, or undefined for anything else. */
export function sealedKeyVersion(value: string): number | undefined {
  const match = SEALED_PATTERN.exec(value);
  return match ? Number(match[1]) : undefined;
}

export function sealValue(keys: FieldKeys, context: SealContext, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  cipher.setAAD(aad(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}.${keys.version}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** Thrown when a value does not open: tampered, moved, or sealed under another tenant's key. */
export class SealBrokenError extends Error {
  constructor(readonly context: SealContext) {
    // Names where, never the value.
    super(`sealed ${context.field} of ${context.record} does not open`);
    this.name = 'SealBrokenError';
  }
}

/** Opens a sealed value with the keys of the version it names (`keysOf(version)`). */
export function openValue(keys: FieldKeys, context: SealContext, sealed: string): string {
  const match = SEALED_PATTERN.exec(sealed);
  if (!match || Number(match[1]) !== keys.version) throw new SealBrokenError(context);
  const body = Buffer.from(match[3], 'base64url');
  if (body.length < TAG_BYTES) throw new SealBrokenError(context);
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(match[2], 'base64url'));
    decipher.setAAD(aad(context));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SealBrokenError(context);
  }
}

/** An ID number as searched: digits and letters only, upper case (spaces and dashes do not count). */
export const normalizeIdNumber = (idNumber: string) => idNumber.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

/**
 * The keyed hash of an ID number (HMAC-SHA256, base64url): exact-match search without the clear
 * value, and useless to anyone without the tenant's hash key (no dictionary of 12-digit numbers).
 * Always under the tenant's *current* key version: the stored hash and the searched one agree.
 */
export const idNumberHash = (keys: FieldKeys, idNumber: string) =>
  `h${keys.version}.${createHmac('sha256', keys.hash).update(normalizeIdNumber(idNumber)).digest('base64url')}`;

/** The personal fields of an applicant that are sealed (the name stays clear: it is shown masked). */
export const SEALED_APPLICANT_FIELDS = ['idNumber', 'phone', 'email', 'address'] as const;
export type SealedApplicantField = (typeof SEALED_APPLICANT_FIELDS)[number];

/** Seals the applicant's personal fields (a field already sealed is kept as it is). */
export function sealApplicant<A extends Partial<Record<SealedApplicantField, string>>>(
  keys: FieldKeys,
  where: { tenant: string; record: string },
  applicant: A,
): A {
  const out: Record<string, unknown> = { ...applicant };
  for (const field of SEALED_APPLICANT_FIELDS) {
    const value = applicant[field];
    if (typeof value === 'string' && !isSealed(value))
      out[field] = sealValue(keys, { ...where, field: `applicant.${field}` }, value);
  }
  return out as A;
}

/** Opens the applicant's sealed fields; `keysOf` gives the keys of each version met. */
export function openApplicant<A extends Partial<Record<SealedApplicantField, string>>>(
  keysOf: (version: number) => FieldKeys,
  where: { tenant: string; record: string },
  applicant: A,
): A {
  const out: Record<string, unknown> = { ...applicant };
  for (const field of SEALED_APPLICANT_FIELDS) {
    const value = applicant[field];
    if (!isSealed(value)) continue;
    const context = { ...where, field: `applicant.${field}` };
    out[field] = openValue(keysOf(sealedKeyVersion(value) ?? -1), context, value);
  }
  return out as A;
}
