import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { any } from 'dynamodb-toolbox/schema/any';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { webhooksPk } from '../partition-keys';

/**
 * A webhook subscription of one agency of the tenant, with its signing secrets. All of a tenant's
 * subscriptions share one partition: the fan-out reads them in one query per event, and a
 * province has tens of them, not thousands.
 */
export const WebhookSubscriptionEntity = new Entity({
  name: 'WebhookSubscription',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    id: string().key(),
    agency: string(),
    url: string(),
    eventTypes: any(),
    purpose: string().enum('processing', 'statistics'),
    description: string().optional(),
    enabled: boolean(),
    /** Optimistic locking: every change is conditional on the version it read. */
    version: number(),
    createdAt: string(),
    updatedAt: string(),
    // Plain for now: the issue that seals personal data and secrets with KMS seals these two here.
    secret: string(),
    previousSecret: string().optional(),
    /** Epoch ms until which `previousSecret` still signs. */
    previousSecretExpiresAt: number().optional(),
    /** Epoch ms of the first failure of the current run of failed deliveries (the deliverer's). */
    failingSince: number().optional(),
    /** Why the service disabled it (`gone`, `failing`), when it did. */
    disabledReason: string().optional(),
  }),
  computeKey: ({ tenant, id }) => ({
    PK: webhooksPk(tenant),
    SK: `${SORT_KEY_PREFIX.webhookSubscription}${id}`,
  }),
});
