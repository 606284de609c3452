import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { MainTable } from '../main-table';
import { dossierPk } from '../partition-keys';

/**
 * A dossier's receipt secret (issue 11 §7; shared/domain/citizens/receipt-secret.ts): written once
 * with the new dossier, in its transaction, never changed. Its own item, not a field of the dossier
 * body, so no view, event, webhook or report that carries a dossier can ever carry it. `sealed` is
 * the secret under the tenant's personal-data key (reprints of form 01); `hash` the keyed hash a
 * check compares with.
 *   receipt secret   PK TENANT#<t>#DOSSIER#<code>       SK #RECEIPT
 */
export const ReceiptSecretEntity = new Entity({
  name: 'ReceiptSecret',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    sealed: string(),
    hash: string(),
  }),
  computeKey: ({ tenant, code }) => ({ PK: dossierPk(tenant, code), SK: '#RECEIPT' }),
});
