import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';

/**
 * The same client found by its id alone. Who asks: the pre-token-generation trigger (and the local
 * issuer), which know nothing but the client id a token is being issued to — Cognito tells them no
 * tenant. So this is the one key that does not begin with the tenant. It stays safe: the client id
 * is a random id Cognito made (no tenant can pick another's), the item holds only the tenant and
 * agency the id belongs to (no dossier data), and it is only ever read by GetItem on its exact key,
 * never queried, so no read can list another tenant's anything from it.
 */
export const AgencyClientLookupEntity = new Entity({
  name: 'AgencyClientLookup',
  table: MainTable,
  schema: item({
    clientId: string().key(),
    tenant: string(),
    agency: string(),
  }),
  computeKey: ({ clientId }) => ({ PK: `${SORT_KEY_PREFIX.agencyClient}${clientId}`, SK: '#CLIENT' }),
});
