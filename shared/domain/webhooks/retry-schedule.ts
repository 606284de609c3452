/**
 * When to try a webhook delivery again, and what an answer means. Pure: the clock and the random
 * source are given, so the deliverer (and the tests) decide time.
 *
 * Schedule (Standard Webhooks' suggestion, stretched to three days): at once, then 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h, … after each failure, each delay ±20 % jitter (so receivers that
 * came back are not hit by every sender at the same second), until at least three days have
 * passed since the first attempt; the attempt that fails after that gives up. A receiver's
 * `Retry-After` is honoured when it asks for longer than the schedule, up to 12 h (SQS cannot
 * hide a message longer: its visibility timeout is at most 12 h).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Delay after the n-th failed attempt (index n-1); the last repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
];
/** Retries stop once this long has passed since the first attempt. */
export const RETRY_WINDOW_MS = 3 * DAY;
/** ± this fraction of each delay. */
export const JITTER = 0.2;
/** The longest an SQS message can stay invisible (visibility timeout limit), so the longest wait. */
export const MAX_DELAY_MS = 12 * HOUR;
/** An endpoint whose every attempt failed for this long is disabled. */
export const FAILING_ENDPOINT_DISABLE_AFTER_MS = 5 * DAY;

export interface ScheduleOptions {
  /** Uniform in [0, 1); defaults to Math.random. Inject a fixed one in tests. */
  random?: () => number;
}

const ms = (t: Date | number): number => (typeof t === 'number' ? t : t.getTime());

/**
 * Milliseconds to wait before the next attempt after attempt number `attempt` (1 = the first)
 * failed at `now`, or 'give-up' once three days have passed since `firstAttemptAt`.
 * `retryAfterMs`: the receiver's Retry-After (see `parseRetryAfter`), honoured when longer.
 */
export function nextAttemptDelay(
  attempt: number,
  firstAttemptAt: Date | number,
  now: Date | number,
  retryAfterMs?: number,
  options: ScheduleOptions = {},
): number | 'give-up' {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError('attempt counts from 1');
  if (ms(now) - ms(firstAttemptAt) >= RETRY_WINDOW_MS) return 'give-up';
  const base = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1];
  const random = Math.min(Math.max((options.random ?? Math.random)(), 0), 1);
  const jittered = Math.round(base * (1 - JITTER + 2 * JITTER * random));
  const delay = retryAfterMs !== undefined && retryAfterMs > jittered ? retryAfterMs : jittered;
  return Math.min(delay, MAX_DELAY_MS);
}

/**
 * A `Retry-After` header in milliseconds from `now`: delta-seconds or an HTTP-date (RFC 9110
 * §10.2.3); undefined when absent, malformed or in the past.
 */
export function parseRetryAfter(value: string | undefined, now: Date | number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * SECOND;
  // An HTTP-date names its weekday and GMT; Date.parse reads IMF-fixdate and the obsolete forms.
  if (!/GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const delta = at - ms(now);
  return delta > 0 ? delta : undefined;
}

/** What one attempt's result means for the message and its subscription. */
export type DeliveryVerdict =
  | { kind: 'delivered' }
  /** 410 Gone: the receiver says the endpoint is no more; disable the subscription, do not retry. */
  | { kind: 'disable'; reason: 'gone' }
  | { kind: 'retry'; reason: 'rate-limited' | 'server-error' | 'client-error' | 'no-response' };

/**
 * Classifies an attempt: a status (any answer) or none (timeout, refused, reset, TLS failure).
 * 2xx delivered; 410 disables; 429 and 5xx retry; no answer retries.
 * Other 4xx (400, 401, 403, 404, …) retry too: in practice they come from a receiver being
 * misconfigured or redeployed (a rotated secret not yet installed, a route missing for a moment,
 * a proxy in front), which its operators fix within the three days; giving up at once would lose
 * events for good over a passing mistake. The endpoint-failing rule below disables what stays broken.
 * 3xx is a failure too (redirects are not followed: a redirect could point anywhere), so it retries.
 */
export function classifyAttempt(result: { status?: number }): DeliveryVerdict {
  const { status } = result;
  if (status === undefined) return { kind: 'retry', reason: 'no-response' };
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'disable', reason: 'gone' };
  if (status === 429) return { kind: 'retry', reason: 'rate-limited' };
  if (status >= 500) return { kind: 'retry', reason: 'server-error' };
  return { kind: 'retry', reason: 'client-error' };
}

/**
 * The subscription's "failing since" after an attempt: cleared by any delivery, otherwise the
 * first failure of the current run of failures (kept as it was, or `now` when this is the first).
 */
export function endpointFailingSince(
  failingSince: number | undefined,
  verdict: DeliveryVerdict,
  now: Date | number,
): number | undefined {
  if (verdict.kind === 'delivered') return undefined;
  return failingSince ?? ms(now);
}

/** True when every attempt has failed for five days straight: the subscription gets disabled. */
export function shouldDisableFailingEndpoint(failingSince: number | undefined, now: Date | number): boolean {
  return failingSince !== undefined && ms(now) - failingSince >= FAILING_ENDPOINT_DISABLE_AFTER_MS;
}
