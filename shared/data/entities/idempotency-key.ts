import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';

/**
 * An Idempotency-Key taken: written in the same transaction as the change it made, so a key is
 * taken exactly when its change is committed (see shared/usecases/once-per-key.ts).
 */
export const IdempotencyKeyEntity = new Entity({
  name: 'IdempotencyKey',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    route: string().key(),
    keyHash: string().key(),
    bodyHash: string(),
    /** The use case's result as JSON text: every retry gets exactly the first answer. */
    result: string(),
    /** Epoch seconds (the table's TTL attribute). */
    expiresAt: number(),
  }),
  computeKey: ({ tenant, route, keyHash }) => ({
    PK: `TENANT#${tenant}#IDEMPOTENCY`,
    SK: `${SORT_KEY_PREFIX.idempotencyKey}${route}#${keyHash}`,
  }),
});
