import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { any } from 'dynamodb-toolbox/schema/any';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { tenantPk } from '../partition-keys';

/** An agency's system registered by a tenant admin: its Cognito app client, listed per tenant. */
export const AgencyClientEntity = new Entity({
  name: 'AgencyClient',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    clientId: string().key(),
    agency: string(),
    name: string(),
    scopes: any(),
    createdAt: string(),
    createdBy: string(),
  }),
  computeKey: ({ tenant, clientId }) => ({
    PK: tenantPk(tenant),
    SK: `${SORT_KEY_PREFIX.agencyClient}${clientId}`,
  }),
});
