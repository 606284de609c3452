import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { tenantPk } from '../partition-keys';

export const AgencyEntity = new Entity({
  name: 'Agency',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    name: string(),
    parent: string().optional(),
    receptionPoint: boolean(),
    level: string().enum('province', 'commune'),
    address: string().optional(),
  }),
  computeKey: ({ tenant, code }) => ({ PK: tenantPk(tenant), SK: `${SORT_KEY_PREFIX.agency}${code}` }),
});
