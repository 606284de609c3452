/** Attachment records, kept in the dossier's partition beside it. */
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { AttachmentView } from '../api/schemas/attachment';
import { collectPages } from './pages';
import { AttachmentEntity, MainTable, dossierPk } from './table';

export interface AttachmentRecord {
  tenant: string;
  code: string;
  id: string;
  /** The staging key while pending, the stored key once confirmed (see attachment-keys.ts). */
  objectKey: string;
  /** The stored object's version, where the bucket is versioned. */
  versionId?: string;
  status: 'pending' | 'stored';
  attachment: AttachmentView;
  /** Pending only: epoch seconds after which the upload is gone (the table's TTL attribute). */
  expiresAt?: number;
}

/** Only a pending record may change: a confirmed scan is never replaced or removed by these. */
const STILL_PENDING = { attr: 'status', eq: 'pending' } as const;

const isConditionFailure = (error: unknown) =>
  (error as { name?: string })?.name === 'ConditionalCheckFailedException';

export async function putAttachment(record: AttachmentRecord): Promise<void> {
  await AttachmentEntity.build(PutItemCommand).item(record).send();
}

/**
 * Records the confirmed scan in place of the pending upload; false when the record is no longer
 * pending (a concurrent confirm stored it, or it expired and was discarded).
 */
export async function markStored(
  record: AttachmentRecord & { status: 'stored'; expiresAt?: undefined },
): Promise<boolean> {
  try {
    await AttachmentEntity.build(PutItemCommand).item(record).options({ condition: STILL_PENDING }).send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Removes a pending upload's record; false when it is not pending (any more). */
export async function discardPending(tenant: string, code: string, id: string): Promise<boolean> {
  try {
    await AttachmentEntity.build(DeleteItemCommand)
      .key({ tenant, code, id })
      .options({ condition: STILL_PENDING })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getAttachment(
  tenant: string,
  code: string,
  id: string,
): Promise<AttachmentRecord | undefined> {
  const { Item } = await AttachmentEntity.build(GetItemCommand)
    .key({ tenant, code, id })
    .options({ consistent: true })
    .send();
  return Item as AttachmentRecord | undefined;
}

export async function listAttachments(tenant: string, code: string): Promise<AttachmentRecord[]> {
  const items = await collectPages((exclusiveStartKey) =>
    MainTable.build(QueryCommand)
      .entities(AttachmentEntity)
      .query({ partition: dossierPk(tenant, code), range: { beginsWith: 'ATT#' } })
      .options({ exclusiveStartKey, maxPages: 1 })
      .send(),
  );
  return items as AttachmentRecord[];
}

/** The dossier's pending uploads, expired ones included (the caller knows what time it is). */
export async function pendingAttachments(tenant: string, code: string): Promise<AttachmentRecord[]> {
  const items = await collectPages((exclusiveStartKey) =>
    MainTable.build(QueryCommand)
      .entities(AttachmentEntity)
      .query({ partition: dossierPk(tenant, code), range: { beginsWith: 'ATT#' } })
      .options({
        exclusiveStartKey,
        maxPages: 1,
        consistent: true,
        filters: { Attachment: STILL_PENDING },
      })
      .send(),
  );
  return items as AttachmentRecord[];
}
