/** Attachment records, kept in the dossier's partition beside it. */
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { AttachmentView } from '../api/schemas/attachment';
import { keyFailure, type KeyRecordPut } from './idempotency-repo';
import { SORT_KEY_PREFIX } from './keys';
import type { ListPage } from './pages';
import { queryAllByPrefix, queryPageByPrefix } from './query';
import { AttachmentEntity, dossierPk } from './table';

/**
 * Who started an upload: a signed-in user (their token's subject) or the holder of the dossier's
 * receipt (no account: `receipt:<code>`). Kept on the record for whoever asks whose scan it is;
 * never part of the attachment's view. Records from before it was kept have none (staff's).
 */
export interface Uploader {
  subject: string;
  /** As a dossier's history names the actor: the username, or "người nộp (mã bí mật)". */
  name: string;
  receiptHolder?: true;
}

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
  uploadedBy?: Uploader;
  /** Pending only: epoch seconds after which the upload is gone (the table's TTL attribute). */
  expiresAt?: number;
}

/** Only a pending record may change: a confirmed scan is never replaced or removed by these. */
const STILL_PENDING = { attr: 'status', eq: 'pending' } as const;

const isConditionFailure = (error: unknown) =>
  (error as { name?: string })?.name === 'ConditionalCheckFailedException';

/**
 * Writes the record; with `takeKey`, in one transaction with the request's Idempotency-Key record
 * (second item), so a crash cannot leave a record whose key is free for a retry to make another.
 */
export async function putAttachment(record: AttachmentRecord, takeKey?: KeyRecordPut): Promise<void> {
  if (!takeKey) {
    await AttachmentEntity.build(PutItemCommand).item(record).send();
    return;
  }
  try {
    await execute(AttachmentEntity.build(PutTransaction).item(record), takeKey);
  } catch (error) {
    throw keyFailure(error, 1) ?? error;
  }
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

/** A page of the dossier's attachments in id order (ids sort by creation time), after `after`. */
export async function attachmentPage(
  tenant: string,
  code: string,
  page: { after?: string; limit: number },
): Promise<ListPage<AttachmentRecord>> {
  const { items, more } = await queryPageByPrefix(
    AttachmentEntity,
    dossierPk(tenant, code),
    SORT_KEY_PREFIX.attachment,
    page,
  );
  return { items: items as AttachmentRecord[], more };
}

/** The dossier's pending uploads, expired ones included (the caller knows what time it is). */
export async function pendingAttachments(tenant: string, code: string): Promise<AttachmentRecord[]> {
  const items = await queryAllByPrefix(
    AttachmentEntity,
    dossierPk(tenant, code),
    SORT_KEY_PREFIX.attachment,
    {
      consistent: true,
      filter: STILL_PENDING,
    },
  );
  return items as AttachmentRecord[];
}
