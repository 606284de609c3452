/**
 * The platform operator's use cases: create a province with its first tenant admin, list and read
 * tenants with their health, suspend and resume them, add a tenant admin, delete (with a grace
 * period) and purge them. A province is created once: the registry item and the settings profile
 * are written only if absent (409 otherwise), with its first admin's account and, when the request
 * has one, its Idempotency-Key (the same request again gets the first answer).
 */
import type * as z from 'zod/mini';
import { tenantSettings } from '../api/schemas/catalog-model';
import type {
  CreateTenant,
  createdStaff,
  createdTenant,
  TenantAdminInput,
  tenantRecordView,
} from '../api/schemas/tenants';
import type { IdempotencyClaim } from '../domain/idempotency';
import { DEFAULT_GRACE_DAYS, deletionOf } from '../domain/tenants/retention';
import {
  checkNewTenantId,
  TENANT_TIME_ZONE,
  tenantIdFor,
  withStatus,
  type TenantRecord,
} from '../domain/tenants/tenant';
import { toVnIso } from '../domain/vn-time';
import {
  createTenantRecord,
  putTenantRecord,
  tenantRecordPage,
  TenantExistsError,
} from '../data/tenant-repo';
import { getTenantRecord } from '../data/tenant-record-read';
import { readTenantHealth } from '../data/health-repo';
import { usageMonthOfTenants } from '../data/usage-repo';
import { monthSummary, usageMonth } from '../domain/usage';
import { staffRecordPut } from '../data/staff-repo';
import { cognitoUserDirectory, type UserDirectory } from '../data/user-directory';
import { clock } from '../platform/clock';
import { ConflictError, NotFoundError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { containerTenantGate } from '../platform/tenant-gate';
import { pageOf, type PageRequest } from './paging';
import { oncePerKey, type TakeKey } from './once-per-key';
import { accountInDirectory, openAccount } from './staff';
import { runPurge } from './tenant-purge';
import { recordAudit } from './audit';

type Created = z.input<typeof createdTenant>;
type RecordView = z.input<typeof tenantRecordView>;

/**
 * Order: the admin's account in the directory first (it decides whether the username is free across
 * the pool), then one transaction with the registry item, the profile, the admin's staff record and
 * the Idempotency-Key; if that fails (the tenant exists, a retry raced) the account is removed again.
 * With a key, the same request again gets the first answer (its temporary password: staff.ts).
 */
export async function createTenant(
  operator: Pick<Principal, 'username'>,
  input: CreateTenant,
  claim?: IdempotencyClaim,
  directory: UserDirectory = cognitoUserDirectory,
): Promise<Created> {
  const { result } = await oncePerKey<Created>(claim, (takeKey) =>
    newTenant(operator, input, takeKey, directory),
  );
  return result;
}

async function newTenant(
  operator: Pick<Principal, 'username'>,
  input: CreateTenant,
  takeKey: TakeKey<Created>,
  directory: UserDirectory,
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
  // Checked before anything is written: no account is made for a province that exists.
  if (await getTenantRecord(id)) throw tenantExists(id);
  if (await directory.get(adminUsername))
    throw new ConflictError(
      `Tên đăng nhập ${adminUsername} đã có người dùng / the username ${adminUsername} is taken`,
    );
  const { record: adminRecord, created: admin } = await accountInDirectory(
    id,
    {
      username: adminUsername,
      name: input.admin.name ?? `Quản trị ${input.name}`,
      email: input.admin.email,
      roles: ['tenantAdmin'],
    },
    directory,
  );
  const answer: Created = { tenant: viewOf(record), admin };
  try {
    await createTenantRecord(record, settings, staffRecordPut(adminRecord), takeKey(answer));
  } catch (error) {
    await directory.remove(adminUsername).catch(() => undefined);
    if (error instanceof TenantExistsError) throw tenantExists(id);
    throw error;
  }
  return answer;
}

const tenantExists = (id: string) => new ConflictError(`Đơn vị ${id} đã tồn tại / the tenant ${id} exists`);

/**
 * The operator adds a tenant admin to an existing province (its only admin left, or a second one).
 * Not to a province being deleted or purged (409): it is closed for good.
 */
export async function addTenantAdmin(
  id: string,
  input: TenantAdminInput,
  claim?: IdempotencyClaim,
  directory: UserDirectory = cognitoUserDirectory,
  by?: Principal,
): Promise<z.input<typeof createdStaff>> {
  const record = await requireRecord(id);
  if (record.status === 'deleting' || record.status === 'purged')
    throw new ConflictError(`Đơn vị ${id} đang bị xoá / the tenant ${id} is being deleted`);
  const username = input.username ?? `${id}.quantri`;
  const { result } = await oncePerKey<z.input<typeof createdStaff>>(claim, async (takeKey) => {
    const created = await openAccount(
      id,
      { username, name: input.name ?? `Quản trị ${record.name}`, email: input.email, roles: ['tenantAdmin'] },
      directory,
      takeKey,
    );
    // In the province's own log: its auditors see who added an admin to it.
    if (by) await recordAudit(by, 'admin.add', { tenant: id, target: username, detail: 'roles=tenantAdmin' });
    return created;
  });
  return result;
}

/**
 * The operator's delete: a suspended province becomes `deleting`, purged after `graceDays`
 * (retention.ts); until then a resume restores it. Nothing is deleted here.
 */
export async function deleteTenant(
  operator: Pick<Principal, 'username'>,
  id: string,
  graceDays: number = DEFAULT_GRACE_DAYS,
): Promise<RecordView> {
  const current = await requireRecord(id);
  const now = clock.now();
  const deletion = deletionOf(current, operator.username, now, graceDays, toVnIso);
  const record: TenantRecord = {
    ...current,
    status: 'deleting',
    statusChangedAt: deletion.requestedAt,
    statusChangedBy: operator.username,
    deletion,
  };
  await putTenantRecord(record);
  containerTenantGate().forget(id);
  return viewOf(record);
}

/** One bounded run of the purge (tenant-purge.ts); the CLI calls again until `purged`. */
export async function purgeTenant(id: string, directory?: UserDirectory): Promise<RecordView> {
  return viewOf(await runPurge(await requireRecord(id), { directory }));
}

export async function tenantRecord(id: string): Promise<RecordView> {
  return viewOf(await requireRecord(id));
}

/**
 * The registry, a page at a time, each province with its health (health-repo.ts: two reads of
 * counters per province, in parallel; a purged province has none to read).
 */
export async function tenantRecords(page: PageRequest) {
  const { items, more } = await tenantRecordPage({ after: page.cursor, limit: page.limit });
  // This month's usage of the whole page in one BatchGetItem (shared/data/usage-repo.ts).
  const month = usageMonth(clock.now());
  const usage = await usageMonthOfTenants(
    items.map((t) => t.id),
    month,
  );
  const views = await Promise.all(
    items.map(async (t) => {
      const read = usage.get(t.id);
      return {
        ...viewOf(t),
        health: t.status === 'purged' ? NO_HEALTH : await readTenantHealth(t.id),
        usage: monthSummary(month, read?.counters, read?.storedBytes ?? 0),
      };
    }),
  );
  return pageOf('tenants', views, more, (t) => t.id);
}

const NO_HEALTH = { pending: 0, overdue: 0, failedDeliveries: 0 };

export async function setTenantStatus(
  operator: Pick<Principal, 'username'>,
  id: string,
  status: 'active' | 'suspended',
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
