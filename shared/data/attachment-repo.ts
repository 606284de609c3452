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
  objectKey: string;
  status: 'pending' | 'stored';
  attachment: AttachmentView;
}

export async function putAttachment(record: AttachmentRecord): Promise<void> {
  await AttachmentEntity.build(PutItemCommand).item(record).send();
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
