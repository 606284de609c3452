/**
 * Webhook deliveries: who receives which dossier's events, the delivery's id, its statuses and
 * what one attempt's result does to it. Pure (node:crypto only): the fan-out and the deliverer
 * (shared/usecases/webhook-delivery.ts) decide with these, the tests check them without a cloud.
 */
import { createHash } from 'node:crypto';
import { onRoute, type DossierFacts } from './project';
import { nextAttemptDelay, type DeliveryVerdict, type ScheduleOptions } from './retry-schedule';
import type { SubscriptionPurpose } from './subscription';

/**
 * Which subscriptions receive which dossier's events (isolation between agencies):
 * - a `processing` subscription only the events of dossiers whose route includes its agency
 *   (receiving, competent, or a step's agency): an agency's system never hears of another
 *   agency's dossiers;
 * - a `statistics` subscription every event of its tenant; the projection (./project.ts) gives it
 *   no personal data.
 * `route` is the dossier as read now; undefined when it could not be read (then a processing
 * subscription receives nothing: no route, no proof it belongs).
 */
export function receivesDossierEvent(
  subscription: { purpose: SubscriptionPurpose; agency: string },
  route: DossierFacts | undefined,
): boolean {
  if (subscription.purpose === 'statistics') return true;
  return route !== undefined && onRoute(route, subscription.agency);
}

/** Whether deciding for these subscriptions needs the dossier (route facts, the applicant). */
export const needsDossier = (subscriptions: ReadonlyArray<{ purpose: SubscriptionPurpose }>): boolean =>
  subscriptions.some((s) => s.purpose === 'processing');

/**
 * A delivery's id, path-safe and stable: the event's instant (so a subscription's deliveries sort
 * newest first by key) and a hash of the dossier code and event id (an event id is unique within
 * its dossier only: alarm ids repeat across dossiers). The same event for the same subscription
 * always gets the same id, which makes the fan-out's conditional put idempotent.
 * Form: `20261201T093000123Z-<22 base64url chars>`.
 */
export function deliveryIdOf(event: { id: string; code: string; occurredAt: string }): string {
  const instant = new Date(event.occurredAt);
  const time = Number.isNaN(instant.getTime())
    ? '00000000T000000000Z'
    : instant.toISOString().replace(/[-:.]/g, '');
  const hash = createHash('sha256').update(`${event.code}\n${event.id}`, 'utf8').digest('base64url');
  return `${time}-${hash.slice(0, 22)}`;
}
export const DELIVERY_ID_PATTERN = /^\d{8}T\d{9}Z-[A-Za-z0-9_-]{22}$/;

/**
 * `pending`: waiting for its first attempt (or for a redelivery); `failed`: the last attempt
 * failed and another is scheduled; `delivered`: 2xx; `gone`: 410, the subscription was disabled;
 * `dead`: retried for three days, given up (kept, listed, redeliverable); `skipped`: the
 * subscription was deleted or disabled before it could be delivered.
 */
export const DELIVERY_STATUSES = ['pending', 'failed', 'delivered', 'gone', 'dead', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/**
 * Redelivering everything since a time picks every delivery that did not arrive and is not in
 * flight: failed and dead ones, and those a 410 or a disabled subscription stopped (`gone`,
 * `skipped`), which is what an admin wants after re-enabling a subscription.
 */
export const REDELIVERABLE_STATUSES: readonly DeliveryStatus[] = ['failed', 'dead', 'gone', 'skipped'];
export const isFinished = (status: DeliveryStatus): boolean => status !== 'pending' && status !== 'failed';

/** One attempt as the log keeps it: never a body, a header or a secret. */
export interface DeliveryAttempt {
  /** Epoch ms. */
  at: number;
  status?: number;
  latencyMs: number;
  /** `target-refused:<rule>`, `ECONNREFUSED`, `timeout`, `http-500` …, absent when delivered. */
  error?: string;
}

/** The attempt log is bounded: the newest attempts are the useful ones. */
export const MAX_LOGGED_ATTEMPTS = 20;
export const appendAttempt = (log: readonly DeliveryAttempt[], attempt: DeliveryAttempt): DeliveryAttempt[] =>
  [...log, attempt].slice(-MAX_LOGGED_ATTEMPTS);

/** What the error of an attempt is called in the log. */
export function attemptError(result: { status?: number; error?: string }): string | undefined {
  if (result.error !== undefined) return result.error;
  if (result.status !== undefined && (result.status < 200 || result.status >= 300))
    return `http-${result.status}`;
  return undefined;
}

export type AttemptOutcome =
  { status: 'delivered' } | { status: 'gone' } | { status: 'dead' } | { status: 'failed'; retryInMs: number };

/**
 * What an attempt leads to. `roundAttempt`: the attempt's number since the delivery was (re)queued,
 * 1 for the first; `firstAttemptAt`: the first attempt of that round.
 */
export function outcomeOf(
  verdict: DeliveryVerdict,
  roundAttempt: number,
  firstAttemptAt: number,
  now: number,
  retryAfterMs?: number,
  options: ScheduleOptions = {},
): AttemptOutcome {
  if (verdict.kind === 'delivered') return { status: 'delivered' };
  if (verdict.kind === 'disable') return { status: 'gone' };
  const delay = nextAttemptDelay(roundAttempt, firstAttemptAt, now, retryAfterMs, options);
  return delay === 'give-up' ? { status: 'dead' } : { status: 'failed', retryInMs: delay };
}
