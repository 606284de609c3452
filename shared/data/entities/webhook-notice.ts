import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { noticesPk } from '../partition-keys';

/**
 * What failed for the tenant's webhooks (shared/domain/webhooks/notice.ts), one partition per
 * tenant so its admins read them in one query, newest first. Flat: the kind's fields are optional.
 */
export const WebhookNoticeEntity = new Entity({
  name: 'WebhookNotice',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    /** UTC ISO instant of the change reported: the sort order. */
    atIso: string().key(),
    id: string().key(),
    kind: string().enum('delivery-dead', 'subscription-disabled'),
    at: number(),
    subscriptionId: string(),
    agency: string(),
    deliveryId: string().optional(),
    eventType: string().optional(),
    dossierCode: string().optional(),
    attempts: number().optional(),
    lastError: string().optional(),
    reason: string().optional(),
    since: number().optional(),
    /** Epoch seconds (TTL): notices are kept 90 days. */
    expiresAt: number(),
  }),
  computeKey: ({ tenant, atIso, id }) => ({
    PK: noticesPk(tenant),
    SK: `${SORT_KEY_PREFIX.webhookNotice}${atIso}#${id}`,
  }),
});
