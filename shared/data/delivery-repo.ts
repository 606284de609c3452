/**
 * Webhook delivery records (table.ts WebhookDeliveryEntity), one partition per subscription, and
 * the few subscription fields the deliverer keeps (failing-since mark, disabling). Every write that
 * could race a duplicate message is conditional: creation on the id being new (so a redelivered
 * fan-out message makes no second delivery), an attempt on the attempt count and round it read.
 */
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { UpdateItemCommand, $add, $remove } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { WEBHOOK_REDELIVER } from '../api/queues';
import type { DeliveryAttempt, DeliveryStatus } from '../domain/webhooks/delivery';
import type { Notice } from '../domain/webhooks/notice';
import { openText, textSealer } from './personal-data';
import { SORT_KEY_PREFIX } from './keys';
import { noticePut } from './notice-repo';
import { deadDeliveryCount } from './health-repo';
import { collectPages, readPage, type ListPage, type Page } from './pages';
import {
  deliveriesPk,
  MainTable,
  OutboxEntity,
  primaryKey,
  WebhookDeliveryEntity,
  WebhookSubscriptionEntity,
} from './table';

export interface DeliveryRecord {
  tenant: string;
  subscriptionId: string;
  id: string;
  eventId: string;
  eventType: string;
  dossierCode: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  roundAttempts: number;
  generation: number;
  attemptLog: DeliveryAttempt[];
  enqueuedAt: number;
  firstAttemptAt?: number;
  nextAttemptAt?: number;
  updatedAt: number;
  expiresAt: number;
}

/** Delivery logs are kept this long (TTL), dead ones included. */
export const DELIVERY_LOG_RETENTION_SECONDS = 30 * 86_400;
/** Outbox items expire after a week (as dossier-repo's): the stream has long carried them. */
const OUTBOX_RETENTION_SECONDS = 7 * 86_400;

const isConditionFailure = (error: unknown) =>
  (error as { name?: string })?.name === 'ConditionalCheckFailedException';
/** A transaction of a conditional change and its notice cancelled: the change's condition failed. */
const isCancelled = (error: unknown) => (error as { name?: string })?.name === 'TransactionCanceledException';

const itemOf = (record: DeliveryRecord) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as DeliveryRecord;

/** Where a delivery's sealed body belongs (its AAD): this subscription's delivery, nowhere else. */
const bodyContext = (record: Pick<DeliveryRecord, 'tenant' | 'subscriptionId' | 'id'>) => ({
  tenant: record.tenant,
  record: `dlv#${record.subscriptionId}#${record.id}`,
  field: 'body',
});

/**
 * The body to sign and send. Stored sealed (it may carry the applicant's ID number, for the
 * agency's own dossiers: shared/domain/webhooks/project.ts), opened only by the deliverer.
 */
export const openDeliveryBody = (record: DeliveryRecord): Promise<string> =>
  openText(bodyContext(record), record.body);

/**
 * Writes a new delivery, its body sealed; false when one for this subscription and event exists
 * already. Later writes of the record carry the sealed body read back, unchanged.
 */
export async function putNewDelivery(record: DeliveryRecord): Promise<boolean> {
  const seal = await textSealer(record.tenant);
  const { tenant: _t, ...context } = bodyContext(record);
  try {
    await WebhookDeliveryEntity.build(PutItemCommand)
      .item(itemOf({ ...record, body: seal(context, record.body) }))
      .options({ condition: { attr: 'id', exists: false } })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getDelivery(
  tenant: string,
  subscriptionId: string,
  id: string,
): Promise<DeliveryRecord | undefined> {
  const { Item } = await WebhookDeliveryEntity.build(GetItemCommand)
    .key({ tenant, subscriptionId, id })
    .options({ consistent: true })
    .send();
  return Item as DeliveryRecord | undefined;
}

/**
 * Replaces the delivery with `next` if it still has the attempt count and round `read` had; false
 * when another copy of the message (or a redelivery) got there first. With a `notice` (the
 * delivery given up), both are written in one transaction: the notice exactly when the change is.
 */
export async function saveDeliveryIf(
  next: DeliveryRecord,
  read: Pick<DeliveryRecord, 'attempts' | 'generation'>,
  notice?: Notice,
): Promise<boolean> {
  const condition = {
    and: [
      { attr: 'attempts' as const, eq: read.attempts },
      { attr: 'generation' as const, eq: read.generation },
    ],
  };
  try {
    if (notice)
      await execute(
        WebhookDeliveryEntity.build(PutTransaction).item(itemOf(next)).options({ condition }),
        noticePut(next.tenant, notice),
        // The operator's health counter of deliveries given up: counted exactly when the notice is.
        ...(next.status === 'dead' ? [deadDeliveryCount(next.tenant)] : []),
      );
    else await WebhookDeliveryEntity.build(PutItemCommand).item(itemOf(next)).options({ condition }).send();
    return true;
  } catch (error) {
    if (isConditionFailure(error) || isCancelled(error)) return false;
    throw error;
  }
}

type DeliveryFilter = { attr: 'status'; in: DeliveryStatus[] } | { attr: 'status'; eq: DeliveryStatus };

function queryDeliveries(
  tenant: string,
  subscriptionId: string,
  options: {
    exclusiveStartKey?: Record<string, unknown>;
    limit?: number;
    statuses?: readonly DeliveryStatus[];
    fromId?: string;
  },
) {
  const prefix = SORT_KEY_PREFIX.webhookDelivery;
  const filter: DeliveryFilter | undefined =
    options.statuses === undefined ? undefined : { attr: 'status', in: [...options.statuses] };
  return MainTable.build(QueryCommand)
    .entities(WebhookDeliveryEntity)
    .query({
      partition: deliveriesPk(tenant, subscriptionId),
      range:
        options.fromId === undefined
          ? { beginsWith: prefix }
          : { between: [`${prefix}${options.fromId}`, `${prefix}~`] },
    })
    .options({
      reverse: true,
      maxPages: 1,
      ...(options.exclusiveStartKey ? { exclusiveStartKey: options.exclusiveStartKey } : {}),
      ...(options.limit ? { limit: options.limit } : {}),
      ...(filter ? { filters: { [WebhookDeliveryEntity.entityName]: filter } as never } : {}),
    })
    .send() as Promise<Page<DeliveryRecord>>;
}

/** A page of the subscription's deliveries, newest first, after the delivery `after`. */
export function deliveryPage(
  tenant: string,
  subscriptionId: string,
  page: { after?: string; limit: number; status?: DeliveryStatus },
): Promise<ListPage<DeliveryRecord>> {
  const start =
    page.after === undefined
      ? undefined
      : primaryKey(deliveriesPk(tenant, subscriptionId), `${SORT_KEY_PREFIX.webhookDelivery}${page.after}`);
  return readPage(
    (exclusiveStartKey) =>
      queryDeliveries(tenant, subscriptionId, {
        exclusiveStartKey: exclusiveStartKey ?? start,
        limit: page.limit + 1,
        statuses: page.status === undefined ? undefined : [page.status],
      }),
    page.limit,
  );
}

/** Every delivery with one of `statuses` whose id (event instant) is at or after `fromId`. */
export function deliveriesSince(
  tenant: string,
  subscriptionId: string,
  fromId: string,
  statuses: readonly DeliveryStatus[],
): Promise<DeliveryRecord[]> {
  return collectPages((exclusiveStartKey) =>
    queryDeliveries(tenant, subscriptionId, { exclusiveStartKey, fromId, statuses }),
  );
}

/** Deliveries per transaction: two items each (the reset record, its outbox request). */
const REQUEUE_CHUNK = 25;

/**
 * Puts each delivery back on the schedule (its reset record, conditional on the round it was read
 * in) together with a WEBHOOK_REDELIVER outbox item in the delivery's dossier partition, which the
 * stream carries to the deliveries queue. How many were requeued (a chunk that lost a race to a
 * concurrent redelivery is skipped: that one requeued them).
 */
export async function requeueDeliveries(
  reset: ReadonlyArray<{ next: DeliveryRecord; readGeneration: number }>,
  now: Date,
): Promise<number> {
  let requeued = 0;
  for (let i = 0; i < reset.length; i += REQUEUE_CHUNK) {
    const chunk = reset.slice(i, i + REQUEUE_CHUNK);
    const writes = chunk.flatMap(({ next, readGeneration }) => [
      WebhookDeliveryEntity.build(PutTransaction)
        .item(itemOf(next))
        .options({ condition: { attr: 'generation', eq: readGeneration } }),
      OutboxEntity.build(PutTransaction).item({
        tenant: next.tenant,
        code: next.dossierCode,
        id: `${WEBHOOK_REDELIVER}#${next.subscriptionId}#${next.id}#${next.generation}`,
        type: WEBHOOK_REDELIVER,
        occurredAt: now.toISOString(),
        payload: {
          kind: 'delivery',
          tenant: next.tenant,
          subscriptionId: next.subscriptionId,
          deliveryId: next.id,
          generation: next.generation,
        },
        expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_SECONDS,
      }),
    ]);
    try {
      await execute(...writes);
      requeued += chunk.length;
    } catch (error) {
      if ((error as { name?: string })?.name !== 'TransactionCanceledException') throw error;
    }
  }
  return requeued;
}

/** Marks the start of a run of failures (only when none is marked: the first failure wins). */
export async function markSubscriptionFailing(tenant: string, id: string, since: number): Promise<void> {
  try {
    await WebhookSubscriptionEntity.build(UpdateItemCommand)
      .item({ tenant, id, failingSince: since })
      .options({
        condition: {
          and: [
            { attr: 'id', exists: true },
            { attr: 'failingSince', exists: false },
          ],
        },
      })
      .send();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** A delivery succeeded: the run of failures is over. */
export async function clearSubscriptionFailing(tenant: string, id: string): Promise<void> {
  try {
    await WebhookSubscriptionEntity.build(UpdateItemCommand)
      .item({ tenant, id, failingSince: $remove() })
      .options({ condition: { attr: 'failingSince', exists: true } })
      .send();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/**
 * Disables the subscription with the service's reason (`gone`, `failing`), as a change of version
 * so an admin's PATCH read before it answers 409 rather than silently enabling it again. False
 * when it changed meanwhile or is gone. With a `notice`, written in the same transaction.
 */
export async function disableSubscription(
  tenant: string,
  id: string,
  readVersion: number,
  reason: string,
  notice?: Notice,
): Promise<boolean> {
  const item = { tenant, id, enabled: false, disabledReason: reason, version: $add(1) };
  const condition = { attr: 'version', eq: readVersion } as const;
  try {
    if (notice)
      await execute(
        WebhookSubscriptionEntity.build(UpdateTransaction).item(item).options({ condition }),
        noticePut(tenant, notice),
      );
    else await WebhookSubscriptionEntity.build(UpdateItemCommand).item(item).options({ condition }).send();
    return true;
  } catch (error) {
    if (isConditionFailure(error) || isCancelled(error)) return false;
    throw error;
  }
}
