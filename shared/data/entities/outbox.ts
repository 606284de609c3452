import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { any } from 'dynamodb-toolbox/schema/any';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { dossierPk } from '../partition-keys';

/**
 * Outbox events: written in the same transaction as the change they announce; DynamoDB Streams
 * carry them to webhooks, reports and notifications. Expire after a week: the stream has long
 * delivered them by then.
 */
export const OutboxEntity = new Entity({
  name: 'Outbox',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    id: string().key(),
    type: string(),
    occurredAt: string(),
    payload: any(),
    expiresAt: number(),
  }),
  computeKey: ({ tenant, code, id }) => ({
    PK: dossierPk(tenant, code),
    SK: `${SORT_KEY_PREFIX.outbox}${id}`,
  }),
});
