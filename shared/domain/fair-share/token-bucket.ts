/**
 * The bucket arithmetic of fair share (docs/fair-share.md), pure: a token bucket kept as one number,
 * the generic cell rate algorithm's "theoretical arrival time" (TAT). A bucket of `burst` tokens
 * refilling at `ratePerSecond` admits a request at `now` when, after it, the TAT is no more than
 * one full bucket ahead of `now`. One number instead of (tokens, updatedAt) is what lets the
 * DynamoDB store decide with a single conditional UpdateItem that adds one interval (no read first).
 *
 * Times are epoch milliseconds of the deciding container's wall clock (not the domain clock that
 * tests freeze: a refill is real time passing, as API Gateway's own throttle counts it).
 */

export interface BucketLimit {
  /** Steady refill, tokens (requests) per second. */
  ratePerSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  burst: number;
}

export interface Admission {
  allowed: boolean;
  /** The TAT to store when allowed; the one found when refused. */
  tat: number;
  /** When refused: whole seconds until one token is back (the `Retry-After` header); 0 when allowed. */
  retryAfterSeconds: number;
}

/** Milliseconds one token takes to come back. */
export const intervalMs = (limit: BucketLimit): number => 1000 / limit.ratePerSecond;

/** How far ahead of now the TAT may run: a full bucket's worth of intervals. */
export const toleranceMs = (limit: BucketLimit): number => limit.burst * intervalMs(limit);

/**
 * Seconds a refused client should wait, rounded up (a client that retries after the rounded-down
 * value would be refused again) and at least 1 (`Retry-After: 0` invites a busy loop), at most the
 * time one token takes to come back, rounded up: with one clock the wait can be no longer, so a
 * longer one comes from a skewed writer's clock and is not the client's to pay.
 */
export function retryAfterSeconds(waitMs: number, limit: BucketLimit): number {
  const cap = Math.max(1, Math.ceil(intervalMs(limit) / 1000));
  return Math.min(cap, Math.max(1, Math.ceil(waitMs / 1000)));
}

/**
 * Decides one request against the TAT found (undefined: a bucket never used or expired, i.e. full).
 *
 * Clock skew: containers' clocks differ (by milliseconds where NTP runs, as in Lambda). A TAT
 * written by a container whose clock runs ahead may lie more than a full bucket ahead of this one's
 * `now`; it is read as exactly one full bucket ahead, so the `Retry-After` asked of the client is
 * never more than one interval (the skew is not the client's to pay), though the bucket keeps
 * refusing until this clock reaches the written TAT. A TAT behind `now` is a bucket that has
 * refilled (to `burst`, no more).
 */
export function admit(tat: number | undefined, now: number, limit: BucketLimit): Admission {
  const interval = intervalMs(limit);
  const tolerance = toleranceMs(limit);
  const base = Math.min(Math.max(tat ?? now, now), now + tolerance);
  const next = base + interval;
  if (next - now <= tolerance) return { allowed: true, tat: next, retryAfterSeconds: 0 };
  return { allowed: false, tat: base, retryAfterSeconds: retryAfterSeconds(next - tolerance - now, limit) };
}

/**
 * The two ways a store can admit a request with one conditional write, equivalent to `admit`:
 * - busy (the bucket is draining): the stored TAT is ahead of `now` but at most `busyMax`; add one
 *   interval to it. Concurrent writers each add their own interval, atomically.
 * - idle (the bucket is full): the stored TAT is absent or not after `now`; set it to `idleTat`.
 * When neither condition holds, the request is refused (`admit` on the TAT found says how long).
 */
export function admissionConditions(now: number, limit: BucketLimit) {
  const interval = intervalMs(limit);
  return { interval, busyMax: now + toleranceMs(limit) - interval, idleTat: now + interval };
}

/** Tokens left in the bucket at `now` (for logs and tests: how close a tenant is to its limit). */
export function tokensLeft(tat: number | undefined, now: number, limit: BucketLimit): number {
  if (tat === undefined || tat <= now) return limit.burst;
  return Math.max(0, Math.floor((toleranceMs(limit) - (tat - now)) / intervalMs(limit)));
}
