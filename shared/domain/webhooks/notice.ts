/**
 * Notices to the tenant's admins about webhooks that failed (issue 9 §5): a delivery given up
 * (`delivery-dead`) and a subscription the service disabled (`subscription-disabled`). Pure: what
 * a notice says and its id. The id is deterministic (the delivery and its round, the subscription
 * and the version its disabling made), and the deliverer writes the notice in the same conditional
 * transaction as the change it reports, so a duplicated or redelivered message writes no second one.
 * Nothing personal: ids, the event type, the dossier code and an error class, never a body.
 */

export const NOTICE_KINDS = ['delivery-dead', 'subscription-disabled'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const DISABLED_REASONS = ['gone', 'failing'] as const;
export type DisabledReason = (typeof DISABLED_REASONS)[number];

interface NoticeBase {
  id: string;
  /** Epoch ms of the change it reports (the notice's place in the list). */
  at: number;
  subscriptionId: string;
  /** The subscription's agency: an agency's system reads only its own agency's notices. */
  agency: string;
}
export interface DeliveryDeadNotice extends NoticeBase {
  kind: 'delivery-dead';
  deliveryId: string;
  eventType: string;
  dossierCode: string;
  attempts: number;
  /** The last attempt's error class (`http-500`, `timeout`, `target-refused:<rule>` …). */
  lastError?: string;
}
export interface SubscriptionDisabledNotice extends NoticeBase {
  kind: 'subscription-disabled';
  reason: DisabledReason;
  /** Epoch ms: the 410 (`gone`) or the first failure of the run (`failing`). */
  since: number;
}
export type Notice = DeliveryDeadNotice | SubscriptionDisabledNotice;

/** Kind prefix, then a 26-character subscription id, then what makes it unique. */
export const NOTICE_ID_PATTERN = /^(dead|disabled)-[0-9A-Z]{26}-[0-9A-Za-z_-]{1,60}$/;

/** The dead-lettering of one round of one delivery (a redelivery's round may notify again). */
export function deadNoticeOf(
  delivery: {
    subscriptionId: string;
    id: string;
    generation: number;
    eventType: string;
    dossierCode: string;
    attempts: number;
    attemptLog: readonly { error?: string }[];
  },
  agency: string,
  at: number,
): DeliveryDeadNotice {
  const lastError = delivery.attemptLog.at(-1)?.error;
  return {
    kind: 'delivery-dead',
    id: `dead-${delivery.subscriptionId}-${delivery.id}-g${delivery.generation}`,
    at,
    subscriptionId: delivery.subscriptionId,
    agency,
    deliveryId: delivery.id,
    eventType: delivery.eventType,
    dossierCode: delivery.dossierCode,
    attempts: delivery.attempts,
    ...(lastError === undefined ? {} : { lastError }),
  };
}

/** The disabling that makes the subscription's version `readVersion + 1`: one notice per disabling. */
export function disabledNoticeOf(
  sub: { id: string; agency: string; version: number },
  reason: DisabledReason,
  since: number,
  at: number,
): SubscriptionDisabledNotice {
  return {
    kind: 'subscription-disabled',
    id: `disabled-${sub.id}-v${sub.version + 1}`,
    at,
    subscriptionId: sub.id,
    agency: sub.agency,
    reason,
    since,
  };
}
