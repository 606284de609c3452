/** The operator's tenant registry and the tenant admins' staff accounts. */
import * as z from 'zod/mini';
import { TENANT_ROLES } from '../../domain/roles';
import { PURGE_PHASES, TENANT_PLANS, TENANT_STATUSES, TENANT_TIME_ZONE } from '../../domain/tenants/tenant';
import { agencyCode, hhmm, singleLine, tenantId } from './common';
import { nextCursor, pageQuery } from './page';

const email = z.email().check(z.maxLength(254));
const phone = z
  .string()
  .check(z.maxLength(20, { abort: true }), z.regex(/^\+?[0-9 .-]{6,20}$/, 'số điện thoại / phone number'));
const personName = z.pipe(singleLine(100), z.string().check(z.minLength(1)));

/**
 * A staff login name: lower-case letters, digits, `.`, `_`, `-`, 3–64 characters, unique across
 * the one user pool all provinces share. New provinces' names are best prefixed with the tenant
 * (`h98.tiepnhan`, what the CLI proposes), but that is advice, not a rule: the demo's names
 * (`tiepnhan.tinh`) predate it. Cognito refuses a name taken in another province (409).
 */
export const staffUsername = z
  .string()
  .check(
    z.maxLength(64, { abort: true }),
    z.regex(
      /^[a-z0-9][a-z0-9._-]{2,63}$/,
      'tên đăng nhập 3–64 ký tự a-z 0-9 . _ - / username of 3–64 a-z 0-9 . _ -',
    ),
  );

/**
 * Roles as sent: any name, so that a role the tenant may not grant (`operator`, `agencySystem`)
 * is answered 403 by the grant rule rather than 400 by the schema.
 */
const requestedRoles = z
  .array(z.string().check(z.maxLength(32, { abort: true }), z.regex(/^[A-Za-z]+$/)))
  .check(z.minLength(1), z.maxLength(TENANT_ROLES.length));

export const contact = z.strictObject({ name: personName, email, phone: z.optional(phone) });

export const tenantAdminInput = z.strictObject({
  /** Default: `<tenant id>.quantri`. */
  username: z.optional(staffUsername),
  email,
  name: z.optional(personName),
});

/** `POST /v1/operator/tenants`: a province, its profile and its first tenant admin. */
export const createTenant = z.strictObject({
  /** Default: the province code in lower case (`H98` → `h98`). */
  id: z.optional(tenantId),
  provinceCode: z.string().check(z.maxLength(3), z.regex(/^H\d{2}$/, 'mã tỉnh dạng Hxx / province code Hxx')),
  name: z.pipe(singleLine(200), z.string().check(z.minLength(1))),
  timeZone: z._default(z.literal(TENANT_TIME_ZONE), TENANT_TIME_ZONE),
  /** Default: 07:30–11:30 and 13:00–17:00 (tenant admins change it with PUT /v1/admin/settings). */
  officeHours: z._default(z.array(z.tuple([hhmm, hhmm])).check(z.minLength(1), z.maxLength(4)), [
    ['07:30', '11:30'],
    ['13:00', '17:00'],
  ]),
  workingWeekdays: z._default(
    z.array(z.number().check(z.int(), z.gte(1), z.lte(7))).check(z.minLength(1), z.maxLength(7)),
    [1, 2, 3, 4, 5],
  ),
  plan: z._default(z.enum(TENANT_PLANS), 'standard'),
  contact,
  admin: tenantAdminInput,
});
export type CreateTenant = z.infer<typeof createTenant>;

export type TenantAdminInput = z.infer<typeof tenantAdminInput>;

export const tenantParams = z.strictObject({ tenant: tenantId });
export const tenantListQuery = z.strictObject(pageQuery('tenants', tenantId));

export const tenantRecordView = z.object({
  id: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  status: z.enum(TENANT_STATUSES),
  plan: z.enum(TENANT_PLANS),
  timeZone: z.literal(TENANT_TIME_ZONE),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.optional(z.string()) }),
  createdAt: z.string(),
  createdBy: z.string(),
  statusChangedAt: z.optional(z.string()),
  statusChangedBy: z.optional(z.string()),
  /** A delete asked for: from `purgeAfter` on the purge may run; a resume before it restores. */
  deletion: z.optional(
    z.object({
      requestedAt: z.string(),
      requestedBy: z.string(),
      graceDays: z.number().check(z.int()),
      purgeAfter: z.string(),
    }),
  ),
  /** The purge's progress: what it has deleted so far, and the phase it is in. */
  purge: z.optional(
    z.object({
      phase: z.enum(PURGE_PHASES),
      cursor: z.optional(z.string()),
      users: z.number().check(z.int()),
      objects: z.number().check(z.int()),
      items: z.number().check(z.int()),
      startedAt: z.string(),
      finishedAt: z.optional(z.string()),
    }),
  ),
  /** Exports made of this tenant (who, when). */
  exports: z.optional(z.array(z.object({ id: z.string(), at: z.string(), by: z.string() }))),
});

/** The operator's view of a province's health, from counters (shared/domain/tenants/health.ts). */
export const tenantHealth = z.object({
  pending: z.number().check(z.int()),
  overdue: z.number().check(z.int()),
  failedDeliveries: z.number().check(z.int()),
});
/** This month's usage in the tenant list (shared/domain/usage: monthSummary); docs/usage.md. */
export const tenantUsageSummary = z
  .object({
    month: z.string().check(z.describe('yyyy-mm, giờ Việt Nam / Vietnam time')),
    dossiersReceived: z.number().check(z.int(), z.gte(0)),
    actions: z.number().check(z.int(), z.gte(0)),
    apiCalls: z.number().check(z.int(), z.gte(0)),
    attachmentsGbMonths: z.number().check(z.gte(0)),
  })
  .check(z.describe('Mức sử dụng tháng này / this month’s usage'));
export const tenantListItem = z.extend(tenantRecordView, { health: tenantHealth, usage: tenantUsageSummary });
export const tenantList = z.object({ items: z.array(tenantListItem), nextCursor });

/** `DELETE /v1/operator/tenants/{tenant}`: the grace period before the purge may run. */
export const deleteTenantQuery = z.strictObject({
  graceDays: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(36500))),
});

/** `POST /v1/operator/tenants/{tenant}/admins`: one more tenant admin for an existing province. */
export const addTenantAdmin = tenantAdminInput;

export const staffView = z.object({
  username: z.string(),
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  agency: z.string(),
  roles: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.optional(z.string()),
});

/**
 * A new account: its temporary password (valid three days, changed at first sign-in) is in the
 * answer so the admin can hand it over when e-mail is slow or capped; Cognito e-mails it too.
 */
export const createdStaff = z.extend(staffView, {
  temporaryPassword: z.string(),
  invitation: z.enum(['email', 'none']),
});

export const createdTenant = z.object({ tenant: tenantRecordView, admin: createdStaff });

export const createStaff = z.strictObject({
  username: staffUsername,
  name: personName,
  email,
  agency: agencyCode,
  roles: requestedRoles,
});
export type CreateStaff = z.infer<typeof createStaff>;

/** Any subset; `enabled: false` disables sign-in (existing tokens expire within the hour). */
export const updateStaff = z
  .strictObject({
    agency: z.optional(agencyCode),
    roles: z.optional(requestedRoles),
    enabled: z.optional(z.boolean()),
    name: z.optional(personName),
  })
  .check(z.refine((v) => Object.keys(v).length > 0, { message: 'không có gì để sửa / nothing to change' }));
export type UpdateStaff = z.infer<typeof updateStaff>;

export const staffParams = z.strictObject({ username: staffUsername });
export const staffListQuery = z.strictObject(pageQuery('staff', staffUsername));
export const staffList = z.object({ items: z.array(staffView), nextCursor });
