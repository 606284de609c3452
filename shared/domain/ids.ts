import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/** What `newSortableId` makes, and so all an id in a URL may be. */
export const SORTABLE_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A 26-character id that sorts by creation time (48-bit ms timestamp + 80 random bits, ULID layout). */
export function newSortableId(now: Date): string {
  let time = now.getTime();
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[time % 32] + out;
    time = Math.floor(time / 32);
  }
  const random = randomBytes(16);
  for (let i = 0; i < 16; i++) out += ALPHABET[random[i] % 32];
  return out;
}
