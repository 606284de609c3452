import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { MainTable } from '../main-table';

export const SequenceEntity = new Entity({
  name: 'Sequence',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    agency: string().key(),
    day: string().key(),
    value: number(),
  }),
  computeKey: ({ tenant, agency, day }) => ({ PK: `TENANT#${tenant}#SEQ#${agency}#${day}`, SK: '#SEQ' }),
});
