import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { any } from 'dynamodb-toolbox/schema/any';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { dossierPk } from '../partition-keys';

export const DossierEventEntity = new Entity({
  name: 'DossierEvent',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    /** `<iso instant>#<n>`: sorts the history by time, n breaks ties within one transaction. */
    seq: string().key(),
    event: any(),
  }),
  computeKey: ({ tenant, code, seq }) => ({
    PK: dossierPk(tenant, code),
    SK: `${SORT_KEY_PREFIX.dossierEvent}${seq}`,
  }),
});
