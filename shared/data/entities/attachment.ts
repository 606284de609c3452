import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { number } from 'dynamodb-toolbox/schema/number';
import { any } from 'dynamodb-toolbox/schema/any';
import { SORT_KEY_PREFIX } from '../keys';
import { MainTable } from '../main-table';
import { dossierPk } from '../partition-keys';

export const AttachmentEntity = new Entity({
  name: 'Attachment',
  table: MainTable,
  schema: item({
    tenant: string().key(),
    code: string().key(),
    id: string().key(),
    /** Where the bytes are: the staging key while pending, the stored key once confirmed. */
    objectKey: string(),
    /** The stored object's version, where the bucket is versioned: downloads are pinned to it. */
    versionId: string().optional(),
    status: string().enum('pending', 'stored'),
    attachment: any(),
    /** Who started the upload (attachment-repo.ts `Uploader`); absent on older records. */
    uploadedBy: any().optional(),
    /** Pending uploads only (TTL, epoch seconds); a confirmed scan is kept. */
    expiresAt: number().optional(),
  }),
  computeKey: ({ tenant, code, id }) => ({
    PK: dossierPk(tenant, code),
    SK: `${SORT_KEY_PREFIX.attachment}${id}`,
  }),
});
