/**
 * Webhook signatures per the Standard Webhooks specification (https://www.standardwebhooks.com):
 * a receiver verifies `webhook-signature` = space-separated `v1,<base64 HMAC-SHA256>` over
 * `${webhook-id}.${webhook-timestamp}.${body}`, keyed with the bytes of the secret after `whsec_`.
 * During a rotation's grace period the delivery carries one signature per valid secret, so a
 * receiver still holding the old secret and one already holding the new one both accept it.
 * Pure: node:crypto only, no clock (the timestamp is given).
 */
import { createHmac, randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
/** Bytes of key material in a secret we generate (the spec asks for 24 to 64). */
export const SECRET_BYTES = 32;
/** What `newWebhookSecret` makes: `whsec_` and the base64 of 32 bytes. */
export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{43}=$/;

/** A fresh secret; the service generates every secret, a caller never chooses one. */
export function newWebhookSecret(random: (size: number) => Buffer = randomBytes): string {
  return SECRET_PREFIX + random(SECRET_BYTES).toString('base64');
}

/** The HMAC key of a secret: the base64-decoded part after `whsec_`. */
export function secretKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('webhook secret must start with whsec_');
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  if (key.length === 0) throw new Error('webhook secret has no key material');
  return key;
}

/** One `v1,<base64>` signature of the message `${id}.${timestamp}.${body}`. */
export function signOnce(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret))
    .update(`${id}.${timestampSeconds}.${body}`, 'utf8')
    .digest('base64');
  return `v1,${mac}`;
}

export interface WebhookSignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * The three headers of one delivery. `secrets`: every secret valid now (current first, then the
 * previous one while its grace period lasts); at least one. `id` is the message id, the same on
 * every retry of one message so receivers can deduplicate.
 */
export function signatureHeaders(
  secrets: readonly string[],
  id: string,
  timestampSeconds: number,
  body: string,
): WebhookSignatureHeaders {
  if (secrets.length === 0) throw new Error('signatureHeaders: at least one secret');
  if (!Number.isInteger(timestampSeconds)) throw new Error('signatureHeaders: timestamp in whole seconds');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((s) => signOnce(s, id, timestampSeconds, body)).join(' '),
  };
}
