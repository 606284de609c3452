/**
 * A subscription's signing secrets across a rotation: the current one, and the previous one until
 * its grace period ends. Both sign meanwhile (signature.ts), so receivers can switch at leisure.
 */

/** Grace period of the old secret after a rotation: 24 h unless the request chooses, at most 7 days. */
export const ROTATION_GRACE = {
  defaultSeconds: 24 * 3600,
  maxSeconds: 7 * 24 * 3600,
} as const;

export interface SigningSecrets {
  current: string;
  /** The secret before the last rotation, valid until `previousExpiresAt` (epoch ms). */
  previous?: string;
  previousExpiresAt?: number;
}

/** The secrets that sign at `nowMs`: current first, the previous one while its grace lasts. */
export function validSecrets(secrets: SigningSecrets, nowMs: number): string[] {
  const { current, previous, previousExpiresAt } = secrets;
  return previous !== undefined && previousExpiresAt !== undefined && nowMs < previousExpiresAt
    ? [current, previous]
    : [current];
}

/**
 * The secrets after a rotation to `next` at `nowMs`. The outgoing current secret becomes the
 * previous one; a previous one still in its grace is dropped (only two ever sign: rotating twice
 * quickly ends the first grace early, which the caller asked for by rotating again).
 */
export function rotate(
  secrets: SigningSecrets,
  next: string,
  nowMs: number,
  graceSeconds: number = ROTATION_GRACE.defaultSeconds,
): Required<SigningSecrets> {
  if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > ROTATION_GRACE.maxSeconds)
    throw new RangeError(`grace period must be 0–${ROTATION_GRACE.maxSeconds} s`);
  return { current: next, previous: secrets.current, previousExpiresAt: nowMs + graceSeconds * 1000 };
}
