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
import type { z } from 'zod';
import type { createdStaff, CreateStaff, staffView, UpdateStaff } from '../api/schemas/tenants';
import { DomainRuleError } from '../domain/errors';
import { ungrantableRoles } from '../domain/roles';
import { toVnIso } from '../domain/vn-time';
import { agenciesByCode } from '../data/catalog-repo';
import { getStaffRecord, putStaffRecord, staffPage, type StaffRecord } from '../data/staff-repo';
import { cognitoUserDirectory, UsernameTakenError, type UserDirectory } from '../data/user-directory';
import { clock } from '../platform/clock';
import { ConflictError, NotFoundError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import { pageOf, type PageRequest } from './paging';

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

/** Creates the account in the directory and the index, without checks: callers check first. */
export async function openAccount(
  tenant: string,
  account: NewAccount,
  directory: UserDirectory = cognitoUserDirectory,
): Promise<Created> {
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
  await putStaffRecord(record);
  return { ...viewOf(record), temporaryPassword: password, invitation: 'email' };
}

export async function createStaffAccount(
  principal: Principal,
  input: CreateStaff,
  directory: UserDirectory = cognitoUserDirectory,
): Promise<Created> {
  requireGrantable(input.roles);
  await requireAgency(principal.tenant, input.agency);
  return openAccount(principal.tenant, input, directory);
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
  return viewOf(next);
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
