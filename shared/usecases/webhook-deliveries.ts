/**
 * A subscription's delivery log and redelivery, with the subscription routes' authorization: a
 * tenant admin for every subscription of the tenant, an agency's system for its own agency's
 * (another's answers 404). A redelivery starts a new round for the delivery (schedule reset, same
 * body, same `webhook-id`) and is queued through the outbox in the same transaction.
 */
import type { DeliveryView } from '../api/schemas/webhook-deliveries';
import { REDELIVERABLE_STATUSES, type DeliveryStatus } from '../domain/webhooks/delivery';
import { deliveryIdOf } from '../domain/webhooks/delivery';
import { subscriptionFacts } from '../domain/webhooks/subscription';
import { authorize } from '../platform/authorize';
import { toVnIso } from '../domain/vn-time';
import {
  deliveriesSince,
  deliveryPage,
  getDelivery,
  requeueDeliveries,
  type DeliveryRecord,
} from '../data/delivery-repo';
import { getSubscription } from '../data/subscription-repo';
import { clock } from '../platform/clock';
import { NotFoundError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { pageOf, type PageRequest } from './paging';

async function requireManaged(principal: Principal, id: string) {
  const sub = await getSubscription(principal.tenant, id);
  const notFound = () => new NotFoundError(`Không có đăng ký webhook ${id} / no webhook subscription ${id}`);
  if (!sub) throw notFound();
  // Whose record it is (the route already checked the scope for reading or changing it).
  authorize(principal, 'webhooks.read', subscriptionFacts(principal.tenant, sub.agency), notFound);
  return sub;
}

const iso = (ms: number) => toVnIso(new Date(ms));

export function deliveryViewOf(r: DeliveryRecord): DeliveryView {
  return {
    id: r.id,
    eventId: r.eventId,
    eventType: r.eventType,
    dossierCode: r.dossierCode,
    status: r.status,
    attempts: r.attempts,
    enqueuedAt: iso(r.enqueuedAt),
    ...(r.status === 'failed' && r.nextAttemptAt !== undefined
      ? { nextAttemptAt: iso(r.nextAttemptAt) }
      : {}),
    attemptLog: (r.attemptLog ?? []).map((a) => ({
      at: iso(a.at),
      ...(a.status === undefined ? {} : { status: a.status }),
      latencyMs: a.latencyMs,
      ...(a.error === undefined ? {} : { error: a.error }),
    })),
  };
}

export async function listDeliveries(
  principal: Principal,
  subscriptionId: string,
  query: PageRequest & { status?: DeliveryStatus },
) {
  await requireManaged(principal, subscriptionId);
  const { items, more } = await deliveryPage(principal.tenant, subscriptionId, {
    after: query.cursor,
    limit: query.limit,
    status: query.status,
  });
  return pageOf('webhookDeliveries', items.map(deliveryViewOf), more, (v) => v.id);
}

/** The record set back to the start of a new round. */
const newRound = (r: DeliveryRecord, now: number): DeliveryRecord => ({
  ...r,
  status: 'pending',
  roundAttempts: 0,
  firstAttemptAt: undefined,
  nextAttemptAt: undefined,
  generation: r.generation + 1,
  updatedAt: now,
});

export async function redeliverOne(principal: Principal, subscriptionId: string, deliveryId: string) {
  await requireManaged(principal, subscriptionId);
  const record = await getDelivery(principal.tenant, subscriptionId, deliveryId);
  if (!record) throw new NotFoundError(`Không có lần gửi ${deliveryId} / no delivery ${deliveryId}`);
  const now = clock.now();
  // Zero requeued means a concurrent redelivery of the same delivery won: it is queued either way.
  await requeueDeliveries(
    [{ next: newRound(record, now.getTime()), readGeneration: record.generation }],
    now,
  );
  return { id: record.id, status: 'pending' as const };
}

export async function redeliverSince(principal: Principal, subscriptionId: string, since: string) {
  await requireManaged(principal, subscriptionId);
  // Delivery ids begin with the event instant: the first id at `since` bounds the key range.
  const fromId = deliveryIdOf({ id: '', code: '', occurredAt: since }).replace(/-.*$/, '-');
  const records = await deliveriesSince(principal.tenant, subscriptionId, fromId, REDELIVERABLE_STATUSES);
  const now = clock.now();
  const requeued = await requeueDeliveries(
    records.map((r) => ({ next: newRound(r, now.getTime()), readGeneration: r.generation })),
    now,
  );
  return { requeued };
}
