import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { dossierPk } from '../partition-keys';

/** A deadline alarm that fired (due soon, overdue): kept for good, unlike the outbox event. */
export const DeadlineMarkEntity = new Entity({
  name: 'DeadlineMark',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    id: string().key(),
    type: string(),
    firedAt: string(),
    dueAt: string(),
    stepIndex: number().optional(),
  }),
  computeKey: ({ tenant, code, id }) => ({
    PK: dossierPk(tenant, code),
    SK: `${SORT_KEY_PREFIX.deadlineMark}${id}`,
  }),
});
