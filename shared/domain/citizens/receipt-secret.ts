/**
 * The receipt secret (issue 11 §7): a random code printed on form 01 (and returned once in the
 * submission's answer) with which an applicant who has no account proves they hold the receipt, to
 * see the dossier's full status, supplement it or withdraw it.
 *
 * 10 characters of Crockford base32 (50 bits), shown in two groups of five ("7KX2M-Q9D4T"): easy
 * to read aloud and type, no I/L/O/U to confuse. Typed input is forgiving the Crockford way (case,
 * spaces and dashes ignored; I and L read as 1, O as 0).
 *
 * Stored twice, never in clear: sealed with the tenant's personal-data key (so staff reprint the
 * same receipt) and as a keyed hash bound to the tenant and dossier (so a check needs no opening
 * and compares in constant time). Pure: node:crypto only; the keys come from the data layer.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FieldKeys } from '../personal-data/seal';

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SECRET_LENGTH = 10;
export const SECRET_BITS = SECRET_LENGTH * 5;
const GROUP = 5;

/** A new secret, grouped for print ("XXXXX-XXXXX"): each character 5 uniform random bits. */
export function newReceiptSecret(random: (n: number) => Uint8Array = randomBytes): string {
  // 32 divides 256, so the low five bits of a uniform byte are uniform: no modulo bias.
  const chars = Array.from(random(SECRET_LENGTH), (b) => CROCKFORD_ALPHABET[b & 31]).join('');
  return formatReceiptSecret(chars);
}

/** The canonical characters grouped for print and display. */
export const formatReceiptSecret = (canonical: string): string =>
  `${canonical.slice(0, GROUP)}-${canonical.slice(GROUP)}`;

/**
 * What someone typed, as the canonical 10 characters; undefined when it cannot be a secret (wrong
 * length, a U, anything else). Case, spaces and dashes do not count; I/L are 1 and O is 0.
 */
export function normalizeReceiptSecret(typed: string): string | undefined {
  if (typed.length > 64) return undefined;
  const canonical = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (canonical.length !== SECRET_LENGTH) return undefined;
  for (const ch of canonical) if (!CROCKFORD_ALPHABET.includes(ch)) return undefined;
  return canonical;
}

/** The header that carries a typed secret: never the URL, which lands in access logs. */
export const RECEIPT_SECRET_HEADER = 'x-receipt-secret';

const HASH_PATTERN = /^r(\d{1,6})\.([A-Za-z0-9_-]{43})$/;

const mac = (keys: FieldKeys, tenant: string, code: string, canonical: string) =>
  createHmac('sha256', keys.hash)
    // Its own domain beside the ID-number hash made with the same subkey; bound to its dossier.
    .update(`motcua/receipt-secret/v1\0${tenant}\0${code}\0${canonical}`)
    .digest();

/** The keyed hash stored beside the sealed secret: `r<key version>.<HMAC-SHA256, base64url>`. */
export function receiptSecretHash(keys: FieldKeys, tenant: string, code: string, secret: string): string {
  const canonical = normalizeReceiptSecret(secret);
  if (!canonical) throw new Error('not a receipt secret');
  return `r${keys.version}.${mac(keys, tenant, code, canonical).toString('base64url')}`;
}

/** The key version a stored hash was made under (its check needs that version's keys). */
export function receiptHashVersion(stored: string): number | undefined {
  const match = HASH_PATTERN.exec(stored);
  return match ? Number(match[1]) : undefined;
}

/**
 * Whether `typed` is the secret of this dossier. Constant time in what matters: an input that is
 * not even a secret is hashed all the same (as a fixed dummy) and compared with timingSafeEqual, so
 * a malformed, a wrong and a right secret take the same work.
 */
export function receiptSecretMatches(
  keys: FieldKeys,
  where: { tenant: string; code: string },
  stored: string,
  typed: string,
): boolean {
  const canonical = normalizeReceiptSecret(typed);
  const candidate = mac(keys, where.tenant, where.code, canonical ?? '0000000000');
  const match = HASH_PATTERN.exec(stored);
  const expected = match ? Buffer.from(match[2], 'base64url') : Buffer.alloc(candidate.length);
  const equal = expected.length === candidate.length && timingSafeEqual(expected, candidate);
  return equal && canonical !== undefined && match !== null && Number(match[1]) === keys.version;
}
