/**
 * Tenant admins manage their province's staff accounts. The tenant is always the caller's (from the
 * token), never the request's: an admin of one province cannot name another's users (their index
 * items are under the other tenant's key, so they are simply not found: 404). Roles are granted
 * only from the tenant's roles (TENANT_ROLES), and the agency must be one of the tenant's.
 *
 * Order of writes: Cognito first (it decides whether the username is free across the pool), then
 * the staff index. A crash in between leaves a user in Cognito that the index does not list; a
 * retry answers 409 (the name is taken) and the operator repairs it (docs/deploy.md).
 */
import { randomBytes, randomInt } from 'node:crypto';
import type * as z from 'zod/mini';
import type { createdStaff, CreateStaff, staffView, UpdateStaff } from '../api/schemas/tenants';
import { DomainRuleError } from '../domain/errors';
import type { IdempotencyClaim } from '../domain/idempotency';
import { ungrantableRoles } from '../domain/roles';
import type { AuditAction } from '../domain/audit';
import { toVnIso } from '../domain/vn-time';
import { agenciesByCode } from '../data/catalog-reads';
import {
  deleteStaffRecord,
  getStaffRecord,
  putStaffRecord,
  staffPage,
  type StaffRecord,
} from '../data/staff-repo';
import { cognitoUserDirectory, UsernameTakenError, type UserDirectory } from '../data/user-directory';
import { clock } from '../platform/clock';
import { ConflictError, NotFoundError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { oncePerKey, type TakeKey } from './once-per-key';
import { pageOf, type PageRequest } from './paging';
import { recordAudit } from './audit';

type Created = z.input<typeof createdStaff>;
type View = z.input<typeof staffView>;

/** Roles the tenant may not grant: 403 (an admin asking for `operator` is refused, not corrected). */
export function requireGrantable(roles: readonly string[], field = 'body.roles'): void {
  const refused = ungrantableRoles(roles);
  if (refused.length > 0)
    throw new DomainRuleError(
      403,
      'role-not-grantable',
      field,
      `Không được cấp vai trò ${refused.join(', ')} / the tenant cannot grant ${refused.join(', ')}`,
    );
}

async function requireAgency(tenant: string, agency: string): Promise<void> {
  if (!(await agenciesByCode(tenant)).has(agency))
    throw new DomainRuleError(
      422,
      'unknown-agency',
      'body.agency',
      `Không có cơ quan ${agency} / no agency ${agency} in this tenant`,
    );
}

/**
 * A temporary password that meets the pool's policy (12+ characters, upper, lower, digit, symbol):
 * valid three days, to be changed at first sign-in.
 */
export function temporaryPassword(): string {
  const symbols = '!@#$%^&*-_=+';
  const core = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  return `${core}A${randomInt(10)}${symbols[randomInt(symbols.length)]}a`;
}

export interface NewAccount {
  username: string;
  name: string;
  email: string;
  /** Absent only for a new province's first admin (the province has no agency yet). */
  agency?: string;
  roles: readonly string[];
}

/**
 * Creates the account in the directory, without checks (callers check first), and gives the staff
 * record its caller writes (alone, or with more in one transaction) and the answer.
 */
export async function accountInDirectory(
  tenant: string,
  account: NewAccount,
  directory: UserDirectory = cognitoUserDirectory,
): Promise<{ record: StaffRecord; created: Created }> {
  const password = temporaryPassword();
  try {
    await directory.create({ ...account, tenant, temporaryPassword: password });
  } catch (error) {
    if (error instanceof UsernameTakenError)
      throw new ConflictError(
        `Tên đăng nhập ${account.username} đã có người dùng / the username ${account.username} is taken`,
      );
    throw error;
  }
  const record: StaffRecord = {
    tenant,
    username: account.username,
    agency: account.agency ?? '',
    roles: [...account.roles],
    name: account.name,
    email: account.email,
    enabled: true,
    createdAt: toVnIso(clock.now()),
  };
  return { record, created: { ...viewOf(record), temporaryPassword: password, invitation: 'email' } };
}

/**
 * Creates the account in the directory and the index. With `takeKey`, the index record takes the
 * request's Idempotency-Key in the same write, and the stored answer holds the temporary password:
 * a retry must get the answer the lost response had, and Cognito cannot tell a password back. It
 * is a one-time password (changed at first sign-in, void after three days) kept one day in the
 * tenant's own partition. If the index write fails the directory account is removed again, so a
 * retry can create it.
 */
export async function openAccount(
  tenant: string,
  account: NewAccount,
  directory: UserDirectory = cognitoUserDirectory,
  takeKey?: TakeKey<Created>,
): Promise<Created> {
  const { record, created } = await accountInDirectory(tenant, account, directory);
  try {
    await putStaffRecord(record, takeKey?.(created));
  } catch (error) {
    await directory.remove(account.username).catch(() => undefined);
    throw error;
  }
  return created;
}

export async function createStaffAccount(
  principal: Principal,
  input: CreateStaff,
  claim?: IdempotencyClaim,
  directory: UserDirectory = cognitoUserDirectory,
): Promise<Created> {
  const { result } = await oncePerKey<Created>(claim, async (takeKey) => {
    requireGrantable(input.roles);
    await requireAgency(principal.tenant, input.agency);
    const created = await openAccount(principal.tenant, input, directory, takeKey);
    // After the change, so the record states what was done; a retry with the key replays unrecorded.
    await recordAudit(principal, 'staff.create', {
      target: input.username,
      detail: `roles=${input.roles.join(',')}; agency=${input.agency}`,
    });
    return created;
  });
  return result;
}

/**
 * Deletes a staff account: disabled first (it can sign in no more, even if the delete fails
 * half-way), then deleted in the directory, then its index record. An admin cannot delete
 * themself, and the tenant keeps at least one enabled tenant admin (409 otherwise): a province
 * with none can only be helped by the operator (POST /v1/operator/tenants/{tenant}/admins).
 * The dossiers' history keeps the name of whoever acted; nothing there refers to the account.
 */
export async function deleteStaffAccount(
  principal: Principal,
  username: string,
  directory: UserDirectory = cognitoUserDirectory,
): Promise<void> {
  const record = await requireRecord(principal.tenant, username);
  if (username === principal.username)
    throw new DomainRuleError(
      409,
      'delete-self',
      'username',
      'Không thể tự xoá tài khoản của mình / you cannot delete your own account',
    );
  if (
    record.enabled &&
    record.roles.includes('tenantAdmin') &&
    !(await anotherEnabledAdmin(principal.tenant, username))
  )
    throw new DomainRuleError(
      409,
      'last-tenant-admin',
      'username',
      'Không thể xoá quản trị cuối cùng của đơn vị / you cannot delete the tenant’s last admin',
    );
  if (record.enabled) await directory.setEnabled(username, false).catch(ignoreGone);
  await directory.remove(username);
  await deleteStaffRecord(principal.tenant, username);
  await recordAudit(principal, 'staff.delete', {
    target: username,
    detail: `roles=${record.roles.join(',')}`,
  });
}

/** An account already gone from the directory (a delete retried after a crash) is fine to delete. */
const ignoreGone = (error: unknown) => {
  if ((error as { name?: string })?.name !== 'UserNotFoundException') throw error;
};

async function anotherEnabledAdmin(tenant: string, except: string): Promise<boolean> {
  let after: string | undefined;
  for (;;) {
    const { items, more } = await staffPage(tenant, { after, limit: 100 });
    if (items.some((s) => s.username !== except && s.enabled && s.roles.includes('tenantAdmin'))) return true;
    if (!more || items.length === 0) return false;
    after = items.at(-1)!.username;
  }
}

export async function staffAccount(principal: Principal, username: string): Promise<View> {
  return viewOf(await requireRecord(principal.tenant, username));
}

export async function staffAccounts(principal: Principal, page: PageRequest) {
  const { items, more } = await staffPage(principal.tenant, { after: page.cursor, limit: page.limit });
  return pageOf('staff', items.map(viewOf), more, (s) => s.username);
}

export async function changeStaffAccount(
  principal: Principal,
  username: string,
  change: UpdateStaff,
  directory: UserDirectory = cognitoUserDirectory,
): Promise<View> {
  const record = await requireRecord(principal.tenant, username);
  if (change.roles) requireGrantable(change.roles);
  if (change.agency !== undefined) await requireAgency(principal.tenant, change.agency);
  // An admin cannot lock themself out: another admin (or the operator) must do it.
  const self = username === principal.username;
  if (self && (change.enabled === false || (change.roles && !change.roles.includes('tenantAdmin'))))
    throw new DomainRuleError(
      422,
      'self-lockout',
      'body',
      'Không thể tự khoá hoặc bỏ quyền quản trị của chính mình / you cannot disable yourself or drop your own admin role',
    );
  await directory.update(username, { agency: change.agency, roles: change.roles, name: change.name });
  if (change.enabled !== undefined && change.enabled !== record.enabled)
    await directory.setEnabled(username, change.enabled);
  const next: StaffRecord = {
    ...record,
    ...(change.agency !== undefined ? { agency: change.agency } : {}),
    ...(change.roles !== undefined ? { roles: [...new Set(change.roles)] } : {}),
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
  };
  await putStaffRecord(next);
  for (const action of accountChanges(record, next))
    await recordAudit(principal, action, {
      target: username,
      detail: `roles=${next.roles.join(',')}; agency=${next.agency}; enabled=${next.enabled}`,
    });
  return viewOf(next);
}

/** What a change did, for the audit log: a role or agency change, a disable or enable, else an edit. */
export function accountChanges(before: StaffRecord, after: StaffRecord): AuditAction[] {
  const out: AuditAction[] = [];
  const roles = (r: StaffRecord) => [...new Set(r.roles)].sort().join(',');
  if (roles(before) !== roles(after) || before.agency !== after.agency) out.push('role.change');
  if (before.enabled !== after.enabled) out.push(after.enabled ? 'staff.enable' : 'staff.disable');
  if (out.length === 0) out.push('staff.update');
  return out;
}

async function requireRecord(tenant: string, username: string): Promise<StaffRecord> {
  const record = await getStaffRecord(tenant, username);
  if (!record) throw new NotFoundError(`Không có cán bộ ${username} / no staff member ${username}`);
  return record;
}

function viewOf(record: StaffRecord): View {
  return {
    username: record.username,
    ...(record.name ? { name: record.name } : {}),
    ...(record.email ? { email: record.email } : {}),
    agency: record.agency,
    roles: record.roles,
    enabled: record.enabled,
    ...(record.createdAt ? { createdAt: record.createdAt } : {}),
  };
}
