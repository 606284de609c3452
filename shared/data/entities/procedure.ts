import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { any } from 'dynamodb-toolbox/schema/any';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { tenantPk } from '../partition-keys';

export const ProcedureEntity = new Entity({
  name: 'Procedure',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    field: string(),
    /** Name folded for accent-insensitive search, computed on write. */
    searchText: string(),
    /** Before effective-dated versions: the whole procedure (zod `procedure`); read as one version. */
    definition: any().optional(),
    /** `{ effectiveFrom, definition }[]`, oldest first (shared/domain/catalog/versions.ts). */
    versions: any().optional(),
    /** Bumped by every write: a read-modify-write is conditional on the revision it read. */
    revision: number().optional(),
    /** When the item was last written (UTC ISO): an unchanged import row leaves it alone. */
    updatedAt: string().optional(),
  }),
  computeKey: ({ tenant, code }) => ({ PK: tenantPk(tenant), SK: `${SORT_KEY_PREFIX.procedure}${code}` }),
});
