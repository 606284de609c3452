import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { tenantPk } from '../partition-keys';

/**
 * A tenant's personal-data key, one item per version: the data key as KMS wrapped it (with the
 * encryption context `{ tenant }`), never the clear key. Created on first use, conditionally, so
 * containers racing to create it agree on one (shared/data/personal-data-keys.ts).
 */
export const DataKeyEntity = new Entity({
  name: 'DataKey',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    version: number().key(),
    /** Base64 of KMS's CiphertextBlob. */
    wrapped: string(),
    kmsKeyId: string(),
    createdAt: string(),
  }),
  computeKey: ({ tenant, version }) => ({
    PK: tenantPk(tenant),
    SK: `${SORT_KEY_PREFIX.dataKey}v${version}`,
  }),
});
