import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { any } from 'dynamodb-toolbox/schema/any';
import { TABLE_KEYS } from '../keys';
import { MainTable } from '../main-table';
import { dossierPk } from '../partition-keys';

export const DossierEntity = new Entity({
  name: 'Dossier',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    status: string(),
    receivingAgency: string(),
    competentAgency: string(),
    /** Optimistic locking: every state change is conditional on the version it read. */
    version: number(),
    /** Work-queue index: `TENANT#<t>#QUEUE#<agency>#<role>` of the current step; absent once finished. */
    queueKey: string().optional().savedAs(TABLE_KEYS.gsi1.partitionKey),
    /** `<step due instant, UTC ISO>#<code>`: the queue sorts by due time. */
    queueOrder: string().optional().savedAs(TABLE_KEYS.gsi1.sortKey),
    /**
     * When the dossier was last saved (UTC ISO, the shared clock): what `updatedSince` filters a
     * queue by. Absent on items last saved before it existed; those match no `updatedSince`.
     */
    updatedAt: string().optional(),
    /**
     * The keyed hash of the applicant's ID number (shared/domain/personal-data/seal.ts): what a
     * search by ID number matches, the clear number being sealed in the body.
     */
    idHash: string().optional(),
    /** The rest of the domain `Dossier`, stored as a document (the applicant's personal fields sealed). */
    body: any(),
  }),
  computeKey: ({ tenant, code }) => ({ PK: dossierPk(tenant, code), SK: '#DOSSIER' }),
});
