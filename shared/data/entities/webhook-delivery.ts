import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { any } from 'dynamodb-toolbox/schema/any';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { deliveriesPk } from '../partition-keys';

/**
 * One event for one subscription: the exact body signed on every attempt, where it stands and its
 * bounded attempt log (shared/domain/webhooks/delivery.ts). One partition per subscription: its
 * delivery log is one query, newest first (the id begins with the event's instant).
 */
export const WebhookDeliveryEntity = new Entity({
  name: 'WebhookDelivery',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    subscriptionId: string().key(),
    id: string().key(),
    eventId: string(),
    eventType: string(),
    dossierCode: string(),
    /** The envelope JSON text: the same bytes on every retry and redelivery. */
    body: string(),
    status: string().enum('pending', 'failed', 'delivered', 'gone', 'dead', 'skipped'),
    /** Attempts ever made: the guard of the conditional write that records one. */
    attempts: number(),
    /** Attempts since the last (re)queue: the retry schedule's attempt number. */
    roundAttempts: number(),
    /** Incremented by each redelivery; a message of an older round is dropped. */
    generation: number(),
    attemptLog: any(),
    /** Epoch ms: first queued, first attempt of the round, next attempt planned, last change. */
    enqueuedAt: number(),
    firstAttemptAt: number().optional(),
    nextAttemptAt: number().optional(),
    updatedAt: number(),
    /** Epoch seconds (TTL): the log is kept 30 days. */
    expiresAt: number(),
  }),
  computeKey: ({ tenant, subscriptionId, id }) => ({
    PK: deliveriesPk(tenant, subscriptionId),
    SK: `${SORT_KEY_PREFIX.webhookDelivery}${id}`,
  }),
});
