import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { MainTable } from '../main-table';
import { tenantPk } from '../partition-keys';

/**
 * The operator's health counters of one tenant (shared/domain/tenants/health.ts) that no other
 * counter gives: deliveries given up, added to in the write that gives one up.
 */
export const TenantHealthEntity = new Entity({
  name: 'TenantHealth',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    deadDeliveries: number().optional(),
  }),
  computeKey: ({ tenant }) => ({ PK: tenantPk(tenant), SK: '#HEALTH' }),
});
