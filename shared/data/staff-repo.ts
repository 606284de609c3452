/** The tenant's staff index (StaffEntity): what the admin lists; Cognito keeps the credentials. */
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { keyFailure, type KeyRecordPut } from './idempotency-repo';
import { SORT_KEY_PREFIX } from './keys';
import type { ListPage } from './pages';
import { queryPageByPrefix } from './query';
import { StaffEntity, tenantPk } from './table';

export interface StaffRecord {
  tenant: string;
  username: string;
  agency: string;
  roles: string[];
  name?: string;
  email?: string;
  enabled: boolean;
  createdAt?: string;
}

/** With `takeKey`, the record and the request's Idempotency-Key are written in one transaction. */
export async function putStaffRecord(record: StaffRecord, takeKey?: KeyRecordPut): Promise<void> {
  if (!takeKey) {
    await StaffEntity.build(PutItemCommand).item(record).send();
    return;
  }
  try {
    await execute(staffRecordPut(record), takeKey);
  } catch (error) {
    throw keyFailure(error, 1) ?? error;
  }
}

/** The staff record as one item of a bigger transaction (a new province's first admin). */
export const staffRecordPut = (record: StaffRecord) => StaffEntity.build(PutTransaction).item(record);

export async function deleteStaffRecord(tenant: string, username: string): Promise<void> {
  await StaffEntity.build(DeleteItemCommand).key({ tenant, username }).send();
}

export async function getStaffRecord(tenant: string, username: string): Promise<StaffRecord | undefined> {
  const { Item } = await StaffEntity.build(GetItemCommand).key({ tenant, username }).send();
  return Item ? toRecord(Item) : undefined;
}

export async function staffPage(
  tenant: string,
  page: { after?: string; limit: number },
): Promise<ListPage<StaffRecord>> {
  const { items, more } = await queryPageByPrefix(StaffEntity, tenantPk(tenant), SORT_KEY_PREFIX.staff, page);
  return { items: items.map(toRecord), more };
}

function toRecord(i: unknown): StaffRecord {
  const r = i as Omit<StaffRecord, 'enabled'> & { enabled?: boolean };
  return {
    tenant: r.tenant,
    username: r.username,
    agency: r.agency,
    roles: Array.isArray(r.roles) ? (r.roles as string[]) : [],
    ...(r.name ? { name: r.name } : {}),
    ...(r.email ? { email: r.email } : {}),
    enabled: r.enabled !== false,
    ...(r.createdAt ? { createdAt: r.createdAt } : {}),
  };
}
