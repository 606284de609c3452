/**
 * One webhook delivery attempt (consumer of `webhookDeliveries`): read the delivery and its
 * subscription, check the target with the SSRF guard now (a refusal is a failed attempt,
 * `target-refused:<rule>`), sign the stored body with every secret valid now, POST, record the
 * attempt, and say when to try again. Recording is conditional on the attempt count and round read,
 * so a duplicated or redelivered message never counts an attempt twice.
 */
import { WEBHOOK_REDELIVER, type DeliveryMessage } from '../api/queues';
import {
  appendAttempt,
  attemptError,
  isFinished,
  outcomeOf,
  type DeliveryAttempt,
} from '../domain/webhooks/delivery';
import {
  classifyAttempt,
  endpointFailingSince,
  parseRetryAfter,
  shouldDisableFailingEndpoint,
} from '../domain/webhooks/retry-schedule';
import { deadNoticeOf, disabledNoticeOf } from '../domain/webhooks/notice';
import { validSecrets } from '../domain/webhooks/secrets';
import { signatureHeaders } from '../domain/webhooks/signature';
import {
  clearSubscriptionFailing,
  disableSubscription,
  getDelivery,
  markSubscriptionFailing,
  openDeliveryBody,
  saveDeliveryIf,
  type DeliveryRecord,
} from '../data/delivery-repo';
import { getSubscription, signingSecretsOf } from '../data/subscription-repo';
import { clock } from '../platform/clock';
import { deliveryUsage } from '../domain/usage/count';
import { meterUse } from './meter-use';
import { postWebhook, type WebhookPost, type WebhookPostResult } from '../platform/webhook-post';
import {
  resolveDeliveryTarget,
  systemLookup,
  targetPolicyFor,
  type LookupAll,
} from '../platform/webhook-target';
import { requireTenantSettings } from './tenant';

/** A delivery message from the fan-out, or a redelivery request the dispatcher copied from the outbox. */
export function deliveryMessageOf(body: string): DeliveryMessage | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const candidate = (
    (parsed as { type?: string })?.type === WEBHOOK_REDELIVER
      ? (parsed as { payload?: unknown }).payload
      : parsed
  ) as Partial<DeliveryMessage> | undefined;
  if (
    candidate?.kind !== 'delivery' ||
    typeof candidate.tenant !== 'string' ||
    typeof candidate.subscriptionId !== 'string' ||
    typeof candidate.deliveryId !== 'string' ||
    typeof candidate.generation !== 'number'
  )
    return undefined;
  return candidate as DeliveryMessage;
}

export type DeliveryStep =
  /** Nothing more for this message: delete it. */
  | { kind: 'done'; reason: string; status?: DeliveryRecord['status'] }
  /** Keep it and show it again in this many seconds (ChangeMessageVisibility). */
  | { kind: 'retry'; delaySeconds: number };

export interface DeliverDeps {
  lookup?: LookupAll;
  post?: (post: WebhookPost) => Promise<WebhookPostResult>;
  random?: () => number;
  /** Called when a delivery is given up (dead-lettered): the log line and the metric. */
  onDead?: (record: DeliveryRecord) => void;
}

export async function attemptDelivery(
  message: DeliveryMessage,
  deps: DeliverDeps = {},
): Promise<DeliveryStep> {
  const record = await getDelivery(message.tenant, message.subscriptionId, message.deliveryId);
  if (!record) return { kind: 'done', reason: 'no-delivery' };
  if (record.generation !== message.generation) return { kind: 'done', reason: 'older-round' };
  if (isFinished(record.status)) return { kind: 'done', reason: 'finished', status: record.status };

  const sub = await getSubscription(record.tenant, record.subscriptionId);
  if (!sub || !sub.enabled) {
    const now = clock.now().getTime();
    await saveDeliveryIf({ ...record, status: 'skipped', nextAttemptAt: undefined, updatedAt: now }, record);
    return {
      kind: 'done',
      reason: sub ? 'subscription-disabled' : 'subscription-deleted',
      status: 'skipped',
    };
  }

  const settings = await requireTenantSettings(record.tenant);
  const policy = targetPolicyFor(settings.webhooks?.allowLoopback === true);
  const resolved = await resolveDeliveryTarget(sub.url, policy, deps.lookup ?? systemLookup);
  const startedAt = clock.now();
  let result: WebhookPostResult;
  if (!resolved.ok) {
    result = { latencyMs: 0, error: `target-refused:${resolved.refusal.rule}` };
  } else {
    // Opened here, to be signed and sent: never logged, never written back in clear.
    const body = await openDeliveryBody(record);
    const headers = signatureHeaders(
      validSecrets(signingSecretsOf(sub), startedAt.getTime()),
      record.eventId,
      Math.floor(startedAt.getTime() / 1000),
      body,
    );
    result = await (deps.post ?? postWebhook)({
      target: resolved.target,
      body,
      signatureHeaders: headers,
    });
  }

  const now = clock.now().getTime();
  const verdict = resolved.ok ? classifyAttempt(result) : ({ kind: 'retry', reason: 'no-response' } as const);
  const attempt: DeliveryAttempt = {
    at: startedAt.getTime(),
    ...(result.status === undefined ? {} : { status: result.status }),
    latencyMs: result.latencyMs,
    ...(attemptError(result) === undefined ? {} : { error: attemptError(result) }),
  };
  const roundAttempt = record.roundAttempts + 1;
  const firstAttemptAt = record.firstAttemptAt ?? startedAt.getTime();
  const outcome = outcomeOf(
    verdict,
    roundAttempt,
    firstAttemptAt,
    now,
    parseRetryAfter(result.retryAfter, now),
    { random: deps.random },
  );
  const next: DeliveryRecord = {
    ...record,
    status: outcome.status,
    attempts: record.attempts + 1,
    roundAttempts: roundAttempt,
    attemptLog: appendAttempt(record.attemptLog ?? [], attempt),
    firstAttemptAt,
    nextAttemptAt: outcome.status === 'failed' ? now + outcome.retryInMs : undefined,
    updatedAt: now,
  };
  // A delivery given up tells the tenant's admins, in the same conditional write: a copy of this
  // message that lost the race writes neither.
  const deadNotice = outcome.status === 'dead' ? deadNoticeOf(next, sub.agency, now) : undefined;
  if (!(await saveDeliveryIf(next, record, deadNotice)))
    return { kind: 'done', reason: 'attempt-recorded-by-another' };
  // Metering: the delivery's final outcome, once (the conditional save above won).
  await meterUse(record.tenant, deliveryUsage(outcome.status));

  // The subscription's health: a delivery ends a run of failures; 410 or five days of failures
  // disable it, with the reason and a notice written with the disabling.
  if (outcome.status === 'delivered') {
    if (sub.failingSince !== undefined) await clearSubscriptionFailing(sub.tenant, sub.id);
  } else if (outcome.status === 'gone') {
    await disableSubscription(
      sub.tenant,
      sub.id,
      sub.version,
      'gone',
      disabledNoticeOf(sub, 'gone', now, now),
    );
  } else {
    const since = endpointFailingSince(sub.failingSince, verdict, now);
    if (sub.failingSince === undefined && since !== undefined)
      await markSubscriptionFailing(sub.tenant, sub.id, since);
    else if (sub.failingSince !== undefined && shouldDisableFailingEndpoint(sub.failingSince, now))
      await disableSubscription(
        sub.tenant,
        sub.id,
        sub.version,
        'failing',
        disabledNoticeOf(sub, 'failing', sub.failingSince, now),
      );
  }
  if (outcome.status === 'dead') deps.onDead?.(next);
  if (outcome.status === 'failed')
    return { kind: 'retry', delaySeconds: Math.max(1, Math.ceil(outcome.retryInMs / 1000)) };
  return { kind: 'done', reason: 'attempted', status: outcome.status };
}
