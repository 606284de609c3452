import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { any } from 'dynamodb-toolbox/schema/any';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { tenantPk } from '../partition-keys';

/**
 * The tenant's staff index: Cognito holds the credentials, this item lists the tenant's people
 * (Cognito's ListUsers cannot filter on a custom attribute such as custom:tenant, so a per-tenant
 * listing from the pool would scan every province's users). Written by the staff use case after
 * every change it makes in Cognito.
 */
export const StaffEntity = new Entity({
  name: 'Staff',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    username: string().key(),
    agency: string(),
    roles: any(),
    name: string().optional(),
    email: string().optional(),
    /** Absent on items written before accounts could be disabled: enabled. */
    enabled: boolean().optional(),
    createdAt: string().optional(),
  }),
  computeKey: ({ tenant, username }) => ({ PK: tenantPk(tenant), SK: `${SORT_KEY_PREFIX.staff}${username}` }),
});
