/**
 * The webhook fan-out (consumer of `webhookEvents`): for each event, the tenant's subscriptions
 * that want its type and may receive this dossier's events (`receivesDossierEvent`), one delivery
 * record each holding the exact body to sign, and one message per new delivery of an enabled
 * subscription on `webhookDeliveries` (a disabled one's is recorded `skipped`, for redeliver-since). The put is conditional on the delivery id
 * (subscription + event), so a redelivered bus message makes no second delivery.
 */
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { QUEUES, type BusMessage, type DeliveryMessage } from '../api/queues';
import { deliveryIdOf, needsDossier, receivesDossierEvent } from '../domain/webhooks/delivery';
import { webhookEvent } from '../domain/webhooks/project';
import { wantsEvent } from '../domain/webhooks/subscription';
import {
  DELIVERY_LOG_RETENTION_SECONDS,
  getDelivery,
  putNewDelivery,
  type DeliveryRecord,
} from '../data/delivery-repo';
import { getDossier } from '../data/dossier-read';
import { openForService } from './personal-data';
import { subscriptionsOf, type SubscriptionRecord } from '../data/subscription-repo';
import { getSqsClient } from '../platform/aws-clients';
import { clock } from '../platform/clock';
import { requireEnv } from '../platform/env';

/**
 * Subscriptions read once per tenant per batch (up to ten events), never kept across invocations:
 * a subscription created, disabled or deleted takes effect on the next batch, and the query is one
 * read of a small partition.
 */
export type SubscriptionReader = (tenant: string) => Promise<SubscriptionRecord[]>;
export function batchSubscriptionReader(): SubscriptionReader {
  const seen = new Map<string, Promise<SubscriptionRecord[]>>();
  return (tenant) => {
    let subs = seen.get(tenant);
    if (!subs) {
      subs = subscriptionsOf(tenant);
      seen.set(tenant, subs);
    }
    return subs;
  };
}

/** The deliveries one event makes: the records written (or found unsent) and their messages. */
export async function fanOutEvent(
  message: BusMessage,
  readSubscriptions: SubscriptionReader,
): Promise<DeliveryMessage[]> {
  // Disabled subscriptions too: their deliveries are recorded as `skipped`, never sent, so an
  // admin who enables one again recovers what it missed with redeliver-since (30 days).
  const wanting = (await readSubscriptions(message.tenant)).filter((s) =>
    wantsEvent(s.eventTypes, message.type),
  );
  if (wanting.length === 0) return [];
  // Read once, and only when a processing subscription needs the route (and the applicant).
  const stored = needsDossier(wanting) ? await getDossier(message.tenant, message.code) : undefined;
  // The projection shows the ID number to the dossier's own agencies' processing systems only; the
  // delivery body is sealed again where it is stored (shared/data/delivery-repo.ts).
  const dossier = stored && (await openForService(stored, 'webhookProjection'));
  const item = {
    id: message.id,
    type: message.type,
    occurredAt: message.occurredAt,
    payload: message.payload,
  };
  const id = deliveryIdOf({ id: message.id, code: message.code, occurredAt: message.occurredAt });
  const now = clock.now().getTime();
  const out: DeliveryMessage[] = [];
  for (const sub of wanting.filter((s) => receivesDossierEvent(s, dossier))) {
    const envelope = webhookEvent(item, { purpose: sub.purpose, receiverAgency: sub.agency, dossier });
    const record: DeliveryRecord = {
      tenant: message.tenant,
      subscriptionId: sub.id,
      id,
      // The envelope's id, which the deliverer signs and sends as `webhook-id`.
      eventId: envelope.id,
      eventType: message.type,
      dossierCode: message.code,
      body: JSON.stringify(envelope),
      status: sub.enabled ? 'pending' : 'skipped',
      attempts: 0,
      roundAttempts: 0,
      generation: 0,
      attemptLog: [],
      enqueuedAt: now,
      updatedAt: now,
      expiresAt: Math.floor(now / 1000) + DELIVERY_LOG_RETENTION_SECONDS,
    };
    const created = await putNewDelivery(record);
    if (!sub.enabled) continue;
    // Already there: sent before, unless the last run stopped between the put and the send (still
    // pending, never attempted): then send it now. Otherwise nothing: no second delivery.
    const unsent =
      !created &&
      (await getDelivery(message.tenant, sub.id, id).then(
        (d) => d?.status === 'pending' && d.attempts === 0 && d.generation === 0,
      ));
    if (created || unsent)
      out.push({
        kind: 'delivery',
        tenant: message.tenant,
        subscriptionId: sub.id,
        deliveryId: id,
        generation: 0,
      });
  }
  return out;
}

/** Sends the delivery messages, ten per call; throws if any was not accepted (the event is retried). */
export async function sendDeliveryMessages(messages: readonly DeliveryMessage[]): Promise<void> {
  const url = requireEnv(QUEUES.webhookDeliveries.urlEnv);
  for (let i = 0; i < messages.length; i += 10) {
    const chunk = messages.slice(i, i + 10);
    const { Failed = [] } = await getSqsClient().send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: chunk.map((m, n) => ({ Id: String(n), MessageBody: JSON.stringify(m) })),
      }),
    );
    if (Failed.length > 0)
      throw new Error(`${Failed.length} delivery message(s) not accepted: ${Failed[0].Code}`);
  }
}
