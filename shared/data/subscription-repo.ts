/**
 * Webhook subscriptions, in the tenant's webhooks partition (table.ts). Changes are conditional on
 * the version read (optimistic locking), creation on the id being new and, with an
 * Idempotency-Key, in one transaction with the key's record.
 */
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { SigningSecrets } from '../domain/webhooks/secrets';
import type { EventFilter, SubscriptionPurpose } from '../domain/webhooks/subscription';
import { keyFailure, type KeyRecordPut } from './idempotency-repo';
import { SORT_KEY_PREFIX } from './keys';
import type { ListPage } from './pages';
import { queryAllByPrefix, queryPageByPrefix } from './query';
import { WebhookSubscriptionEntity, webhooksPk } from './table';

export interface SubscriptionRecord {
  tenant: string;
  id: string;
  agency: string;
  url: string;
  eventTypes: EventFilter;
  purpose: SubscriptionPurpose;
  description?: string;
  enabled: boolean;
  version: number;
  /** ISO instants with the +07:00 offset. */
  createdAt: string;
  updatedAt: string;
  /** `whsec_…`; stored so the service can sign (sealed with KMS by a later issue). */
  secret: string;
  previousSecret?: string;
  /** Epoch ms until which `previousSecret` still signs. */
  previousSecretExpiresAt?: number;
  /** Epoch ms of the first failure of the current run of failed deliveries. */
  failingSince?: number;
  disabledReason?: string;
}

/** The record's secrets as the signer takes them (`validSecrets`, then `signatureHeaders`). */
export const signingSecretsOf = (record: SubscriptionRecord): SigningSecrets => ({
  current: record.secret,
  previous: record.previousSecret,
  previousExpiresAt: record.previousSecretExpiresAt,
});

const isConditionFailure = (error: unknown) =>
  (error as { name?: string })?.name === 'ConditionalCheckFailedException';

const NEW_ID = { attr: 'id', exists: false } as const;

/** Drops undefined fields: the item holds only what is set. */
const itemOf = (record: SubscriptionRecord) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as SubscriptionRecord;

/**
 * Writes a new subscription; with `takeKey`, in one transaction with the request's
 * Idempotency-Key record (second item), so a retry after a crash cannot make a second one.
 */
export async function putNewSubscription(record: SubscriptionRecord, takeKey?: KeyRecordPut): Promise<void> {
  const item = itemOf(record);
  if (!takeKey) {
    await WebhookSubscriptionEntity.build(PutItemCommand).item(item).options({ condition: NEW_ID }).send();
    return;
  }
  try {
    await execute(
      WebhookSubscriptionEntity.build(PutTransaction).item(item).options({ condition: NEW_ID }),
      takeKey,
    );
  } catch (error) {
    throw keyFailure(error, 1) ?? error;
  }
}

export async function getSubscription(tenant: string, id: string): Promise<SubscriptionRecord | undefined> {
  const { Item } = await WebhookSubscriptionEntity.build(GetItemCommand)
    .key({ tenant, id })
    .options({ consistent: true })
    .send();
  return Item as SubscriptionRecord | undefined;
}

/**
 * Replaces the subscription with `next` if it is still at `expectedVersion`; false when it changed
 * or was deleted meanwhile. `next.version` must be the new version.
 */
export async function replaceSubscription(
  next: SubscriptionRecord,
  expectedVersion: number,
): Promise<boolean> {
  try {
    await WebhookSubscriptionEntity.build(PutItemCommand)
      .item(itemOf(next))
      .options({ condition: { attr: 'version', eq: expectedVersion } })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Deletes it; false when there was nothing to delete. */
export async function deleteSubscription(tenant: string, id: string): Promise<boolean> {
  try {
    await WebhookSubscriptionEntity.build(DeleteItemCommand)
      .key({ tenant, id })
      .options({ condition: { attr: 'id', exists: true } })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** A page of the tenant's subscriptions in id (creation) order, of one agency when given. */
export async function subscriptionPage(
  tenant: string,
  page: { after?: string; limit: number; agency?: string },
): Promise<ListPage<SubscriptionRecord>> {
  const { items, more } = await queryPageByPrefix(
    WebhookSubscriptionEntity,
    webhooksPk(tenant),
    SORT_KEY_PREFIX.webhookSubscription,
    {
      after: page.after,
      limit: page.limit,
      filter: page.agency === undefined ? undefined : { attr: 'agency', eq: page.agency },
    },
  );
  return { items: items as SubscriptionRecord[], more };
}

/** Every subscription of the tenant (the fan-out reads them per event and keeps the enabled ones). */
export async function subscriptionsOf(tenant: string): Promise<SubscriptionRecord[]> {
  const items = await queryAllByPrefix(
    WebhookSubscriptionEntity,
    webhooksPk(tenant),
    SORT_KEY_PREFIX.webhookSubscription,
  );
  return items as SubscriptionRecord[];
}
