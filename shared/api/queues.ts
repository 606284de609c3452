/**
 * The event bus's queues and who feeds them (issue 9 §2). The table's stream has ONE reader, the
 * outbox dispatcher (functions/events/dispatch-outbox.ts); it copies each outbox item to every queue
 * subscribed to its type, and each consumer (deadline clock, webhooks, reports, notifications)
 * reads its own queue. A new consumer is one entry here and one in the function table
 * (shared/api/functions.ts): CDK (infra/constructs/event-bus.ts) and the offline SQS
 * (infra/local/sqs) build every queue from these entries, with its dead-letter queue and alarm.
 *
 * A queue may have no consumer: its messages wait for their retention period. webhookEvents is read
 * by the webhook fan-out, webhookDeliveries (fed by the fan-out and by redelivery requests) by the
 * deliverer.
 *
 * This module is imported by the dispatcher, which runs on every write: it imports no zod and no
 * catalog, only the event names (../domain/lifecycle/event-types.ts). `publicEventTypes()`, which
 * needs the catalog, lives beside it in ./public-events.ts.
 */
import { DEADLINES_CHANGED } from '../domain/lifecycle/event-types';
import { NOTIFICATION_EVENT_TYPES } from '../domain/notifications/kinds';
import { REPORT_EVENT_TYPES } from '../domain/reports/event-types';
import { NOT_USAGE_EVENT_TYPES } from '../domain/usage/figures';

export interface QueueDef {
  /** The variable carrying the queue's URL to the functions whose access names it. */
  readonly urlEnv: string;
  /**
   * How long a received message stays hidden; AWS advises six times the consumer's timeout, so a
   * batch that times out and is retried does not run twice at once.
   */
  readonly visibilityTimeoutSeconds: number;
  /** How long an unconsumed message is kept (SQS: 60 s to 14 days). */
  readonly retentionSeconds: number;
  /** Receives before a message goes to the queue's dead-letter queue. */
  readonly maxReceiveCount: number;
}

const DAY = 86_400;

export const QUEUES = {
  deadlineClock: {
    urlEnv: 'DEADLINE_CLOCK_QUEUE_URL',
    // startClock's timeout is 30 s.
    visibilityTimeoutSeconds: 180,
    retentionSeconds: 4 * DAY,
    maxReceiveCount: 5,
  },
  webhookEvents: {
    urlEnv: 'WEBHOOK_EVENTS_QUEUE_URL',
    visibilityTimeoutSeconds: 180,
    // SQS's maximum: a receiver that is down for a week still gets every event.
    retentionSeconds: 14 * DAY,
    maxReceiveCount: 10,
  },
  webhookDeliveries: {
    urlEnv: 'WEBHOOK_DELIVERIES_QUEUE_URL',
    // Small, yet six times the deliverer's 20 s timeout (AWS's advice): a deliverer that died
    // mid-attempt is retried within two minutes. The back-off is ChangeMessageVisibility per
    // message (up to 12 h), not this default.
    visibilityTimeoutSeconds: 120,
    // SQS's maximum, longer than the three-day retry window.
    retentionSeconds: 14 * DAY,
    // The schedule makes ~16 attempts in three days at most (5 s, 5 min, 30 min, 2 h, 5 h, then
    // 10 h −20 %): 40 leaves room for crashed invocations and duplicate messages. The deliverer
    // gives up by time, not by this count; the dead-letter queue catches what it could not record.
    maxReceiveCount: 40,
  },
  notifications: {
    urlEnv: 'NOTIFICATIONS_QUEUE_URL',
    // Six times sendNotifications' 30 s timeout; longer than a send claim's lease (60 s), so the
    // redelivery of an event whose sender died finds the claim free.
    visibilityTimeoutSeconds: 180,
    // News of a dossier is stale after a few days: what could not be sent by then is in the
    // dead-letter queue, for an operator to look at.
    retentionSeconds: 4 * DAY,
    // A provider outage of a few minutes is retried; a permanent refusal ends in the DLQ.
    maxReceiveCount: 5,
  },
  reports: {
    urlEnv: 'REPORTS_QUEUE_URL',
    // countReports' timeout is 30 s.
    visibilityTimeoutSeconds: 180,
    // SQS's maximum: counters stopped for days catch up from the queue, not from a rebuild.
    retentionSeconds: 14 * DAY,
    maxReceiveCount: 10,
  },
  usage: {
    urlEnv: 'USAGE_QUEUE_URL',
    // countUsage's timeout is 30 s.
    visibilityTimeoutSeconds: 180,
    // SQS's maximum: metering stopped for days catches up from the queue. The counted-event marks
    // (shared/data/usage-repo.ts) outlive it.
    retentionSeconds: 14 * DAY,
    maxReceiveCount: 10,
  },
} as const satisfies Record<string, QueueDef>;
export type QueueId = keyof typeof QUEUES;

/** Dead-letter queues keep what was given up for SQS's maximum: it is the record of what failed. */
export const DEAD_LETTER_RETENTION_SECONDS = 14 * DAY;

/** Outbox types only the system itself consumes: never sent to a receiver outside it. */
/**
 * A redelivery request (POST …/redeliver): the route resets the delivery and writes this outbox item
 * in one transaction, and the dispatcher copies it to `webhookDeliveries` like any other event, so
 * a redelivery is as durable as a dossier change and the routes need no queue grant.
 */
export const WEBHOOK_REDELIVER = 'webhook.redeliver';

export const INTERNAL_EVENT_TYPES: readonly string[] = [DEADLINES_CHANGED, WEBHOOK_REDELIVER];

/** Which outbox types a queue receives: exactly these, or every type but these. */
export type Subscription = { readonly only: readonly string[] } | { readonly allExcept: readonly string[] };

/** The outbox subscriptions: queue → the event types copied to it. */
export const OUTBOX_SUBSCRIPTIONS: Readonly<Partial<Record<QueueId, Subscription>>> = {
  deadlineClock: { only: [DEADLINES_CHANGED] },
  // Every event of the catalog but the internal ones (public-events.ts lists them; a unit test
  // checks that this subscription selects exactly those).
  webhookEvents: { allExcept: INTERNAL_EVENT_TYPES },
  webhookDeliveries: { only: [WEBHOOK_REDELIVER] },
  // The events the applicant is told about (shared/domain/notifications/kinds.ts).
  notifications: { only: NOTIFICATION_EVENT_TYPES },
  // Exactly the types that move a report figure (shared/domain/reports/count.ts).
  reports: { only: REPORT_EVENT_TYPES },
  // Every history line (a submission, an action), none of the clock's nor the internal ones
  // (shared/domain/usage/figures.ts).
  usage: { allExcept: [...INTERNAL_EVENT_TYPES, ...NOT_USAGE_EVENT_TYPES] },
};

export const subscribes = (subscription: Subscription, type: string): boolean =>
  'only' in subscription ? subscription.only.includes(type) : !subscription.allExcept.includes(type);

/** The queues an outbox item of `type` is copied to, in table order. */
export const queuesFor = (type: string): QueueId[] =>
  (Object.keys(OUTBOX_SUBSCRIPTIONS) as QueueId[]).filter((queue) =>
    subscribes(OUTBOX_SUBSCRIPTIONS[queue] as Subscription, type),
  );

/** Every queue the dispatcher feeds: its send grant, in AWS and offline. */
export const SUBSCRIBED_QUEUES = Object.keys(OUTBOX_SUBSCRIPTIONS) as QueueId[];

/**
 * What the fan-out sends to `webhookDeliveries`: which delivery record to attempt. `generation`
 * names the record's round (a redelivery starts a new one), so a message of an older round is
 * dropped. A redelivery request arrives as a BusMessage of type WEBHOOK_REDELIVER whose payload
 * holds the same fields.
 */
export interface DeliveryMessage {
  kind: 'delivery';
  tenant: string;
  subscriptionId: string;
  deliveryId: string;
  generation: number;
}

/**
 * The message a queue consumer receives: the outbox item as plain JSON. `id` is the event id, the
 * same in every queue and on every redelivery, so consumers dedupe on it (it also rides as the
 * `eventId` message attribute).
 */
export interface BusMessage {
  id: string;
  type: string;
  occurredAt: string;
  tenant: string;
  code: string;
  /** The dossier version the event announces (absent for deadline alarms). */
  version?: number;
  payload: Record<string, unknown>;
}

/** Message attributes the dispatcher sets, for filtering and dedupe without parsing the body. */
export const MESSAGE_ATTRIBUTES = { eventId: 'eventId', eventType: 'eventType' } as const;
