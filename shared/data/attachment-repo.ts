/** Attachment records, kept in the dossier's partition beside it. */
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { AttachmentView } from '../api/schemas/attachment';
import { keyFailure, type KeyRecordPut } from './idempotency-repo';
import { readPage, type ListPage } from './pages';
import { AttachmentEntity, MainTable, dossierPk, primaryKey } from './table';

export interface AttachmentRecord {
  tenant: string;
  code: string;
  id: string;
  objectKey: string;
  status: 'pending' | 'stored';
  attachment: AttachmentView;
}

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

export async function deleteAttachment(tenant: string, code: string, id: string): Promise<void> {
  await AttachmentEntity.build(DeleteItemCommand).key({ tenant, code, id }).send();
}

/** A page of the dossier's attachments in id order (ids sort by creation time), after `after`. */
export async function attachmentPage(
  tenant: string,
  code: string,
  page: { after?: string; limit: number },
): Promise<ListPage<AttachmentRecord>> {
  const partition = dossierPk(tenant, code);
  const start = page.after === undefined ? undefined : primaryKey(partition, `ATT#${page.after}`);
  const { items, more } = await readPage(
    (exclusiveStartKey) =>
      MainTable.build(QueryCommand)
        .entities(AttachmentEntity)
        .query({ partition, range: { beginsWith: 'ATT#' } })
        .options({ exclusiveStartKey: exclusiveStartKey ?? start, maxPages: 1, limit: page.limit + 1 })
        .send(),
    page.limit,
  );
  return { items: items as AttachmentRecord[], more };
}
