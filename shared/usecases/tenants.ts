/**
 * The platform operator's use cases: create a province with its first tenant admin, list and read
 * tenants, suspend and resume them. A province is created once: the registry item and the settings
 * profile are written only if absent (409 otherwise: the natural key, its id, is the idempotency),
 * then its first admin's account.
 */
import type { z } from 'zod';
import { tenantSettings } from '../api/schemas/catalog';
import type { CreateTenant, createdTenant, tenantRecordView } from '../api/schemas/tenants';
import {
  checkNewTenantId,
  TENANT_TIME_ZONE,
  tenantIdFor,
  withStatus,
  type TenantRecord,
  type TenantStatus,
} from '../domain/tenants/tenant';
import { toVnIso } from '../domain/vn-time';
import {
  createTenantRecord,
  getTenantRecord,
  putTenantRecord,
  tenantRecordPage,
  TenantExistsError,
} from '../data/tenant-repo';
import { cognitoUserDirectory, type UserDirectory } from '../data/user-directory';
import { clock } from '../platform/clock';
import { ConflictError, NotFoundError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { containerTenantGate } from '../platform/tenant-gate';
import { pageOf, type PageRequest } from './paging';
import { openAccount } from './staff';

type Created = z.input<typeof createdTenant>;
type RecordView = z.input<typeof tenantRecordView>;

export async function createTenant(
  operator: Pick<Principal, 'username'>,
  input: CreateTenant,
  directory: UserDirectory = cognitoUserDirectory,
): Promise<Created> {
  const id = input.id ?? tenantIdFor(input.provinceCode);
  checkNewTenantId(id);
  const record: TenantRecord = {
    id,
    provinceCode: input.provinceCode,
    name: input.name,
    status: 'active',
    plan: input.plan,
    contact: input.contact,
    createdAt: toVnIso(clock.now()),
    createdBy: operator.username,
  };
  const settings = tenantSettings.parse({
    name: input.name,
    provinceCode: input.provinceCode,
    timeZone: input.timeZone,
    officeHours: input.officeHours,
    workingWeekdays: input.workingWeekdays,
  });
  const adminUsername = input.admin.username ?? `${id}.quantri`;
  // Checked before anything is written: a province created without its admin could not be
  // created again (409) and would have no one to manage it. (Two creates racing for one username
  // can still collide; the loser's province then needs the operator: docs/deploy.md.)
  if (await directory.get(adminUsername))
    throw new ConflictError(
      `Tên đăng nhập ${adminUsername} đã có người dùng / the username ${adminUsername} is taken`,
    );
  try {
    await createTenantRecord(record, settings);
  } catch (error) {
    if (error instanceof TenantExistsError)
      throw new ConflictError(`Đơn vị ${id} đã tồn tại / the tenant ${id} exists`);
    throw error;
  }
  const admin = await openAccount(
    id,
    {
      username: adminUsername,
      name: input.admin.name ?? `Quản trị ${input.name}`,
      email: input.admin.email,
      roles: ['tenantAdmin'],
    },
    directory,
  );
  return { tenant: viewOf(record), admin };
}

export async function tenantRecord(id: string): Promise<RecordView> {
  return viewOf(await requireRecord(id));
}

export async function tenantRecords(page: PageRequest) {
  const { items, more } = await tenantRecordPage({ after: page.cursor, limit: page.limit });
  return pageOf('tenants', items.map(viewOf), more, (t) => t.id);
}

export async function setTenantStatus(
  operator: Pick<Principal, 'username'>,
  id: string,
  status: TenantStatus,
): Promise<RecordView> {
  const current = await requireRecord(id);
  const { record, changed } = withStatus(current, status, operator.username, toVnIso(clock.now()));
  if (changed) await putTenantRecord(record);
  // This container answers with the new status at once; others within their cache's lifetime.
  containerTenantGate().forget(id);
  return viewOf(record);
}

async function requireRecord(id: string): Promise<TenantRecord> {
  const record = await getTenantRecord(id);
  if (!record) throw new NotFoundError(`Không có đơn vị ${id} / no tenant ${id}`);
  return record;
}

const viewOf = (record: TenantRecord): RecordView => ({ ...record, timeZone: TENANT_TIME_ZONE });
