import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { any } from 'dynamodb-toolbox/schema/any';
import { MainTable } from '../main-table';
import { tenantPk } from '../partition-keys';

export const TenantEntity = new Entity({
  name: 'Tenant',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    /** Validated by the zod `tenantSettings` schema on the way in and out. */
    settings: any(),
  }),
  computeKey: ({ tenant }) => ({ PK: tenantPk(tenant), SK: '#PROFILE' }),
});
