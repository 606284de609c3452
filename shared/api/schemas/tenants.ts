/** The operator's tenant registry and the tenant admins' staff accounts. */
import * as z from 'zod';
import { TENANT_ROLES } from '../../domain/roles';
import { PURGE_PHASES, TENANT_PLANS, TENANT_STATUSES, TENANT_TIME_ZONE } from '../../domain/tenants/tenant';
import { agencyCode, hhmm, singleLine, tenantId } from './common';
import { nextCursor, pageQuery } from './page';

const email = z.email().max(254);
const phone = z
  .string()
  .max(20, { abort: true })
  .regex(/^\+?[0-9 .-]{6,20}$/, 'số điện thoại / phone number');
const personName = singleLine(100).pipe(z.string().min(1));

/**
 * A staff login name: lower-case letters, digits, `.`, `_`, `-`, 3–64 characters, unique across
 * the one user pool all provinces share. New provinces' names are best prefixed with the tenant
 * (`h98.tiepnhan`, what the CLI proposes), but that is advice, not a rule: the demo's names
 * (`tiepnhan.tinh`) predate it. Cognito refuses a name taken in another province (409).
 */
export const staffUsername = z
  .string()
  .max(64, { abort: true })
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,63}$/,
    'tên đăng nhập 3–64 ký tự a-z 0-9 . _ - / username of 3–64 a-z 0-9 . _ -',
  );

/**
 * Roles as sent: any name, so that a role the tenant may not grant (`operator`, `agencySystem`)
 * is answered 403 by the grant rule rather than 400 by the schema.
 */
const requestedRoles = z
  .array(
    z
      .string()
      .max(32, { abort: true })
      .regex(/^[A-Za-z]+$/),
  )
  .min(1)
  .max(TENANT_ROLES.length);

export const contact = z.object({ name: personName, email, phone: phone.optional() }).strict();

export const tenantAdminInput = z
  .object({
    /** Default: `<tenant id>.quantri`. */
    username: staffUsername.optional(),
    email,
    name: personName.optional(),
  })
  .strict();

/** `POST /v1/operator/tenants`: a province, its profile and its first tenant admin. */
export const createTenant = z
  .object({
    /** Default: the province code in lower case (`H98` → `h98`). */
    id: tenantId.optional(),
    provinceCode: z
      .string()
      .max(3)
      .regex(/^H\d{2}$/, 'mã tỉnh dạng Hxx / province code Hxx'),
    name: singleLine(200).pipe(z.string().min(1)),
    timeZone: z.literal(TENANT_TIME_ZONE).default(TENANT_TIME_ZONE),
    /** Default: 07:30–11:30 and 13:00–17:00 (tenant admins change it with PUT /v1/admin/settings). */
    officeHours: z
      .array(z.tuple([hhmm, hhmm]))
      .min(1)
      .max(4)
      .default([
        ['07:30', '11:30'],
        ['13:00', '17:00'],
      ]),
    workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]),
    plan: z.enum(TENANT_PLANS).default('standard'),
    contact,
    admin: tenantAdminInput,
  })
  .strict();
export type CreateTenant = z.infer<typeof createTenant>;

export type TenantAdminInput = z.infer<typeof tenantAdminInput>;

export const tenantParams = z.object({ tenant: tenantId }).strict();
export const tenantListQuery = z.object(pageQuery('tenants', tenantId)).strict();

export const tenantRecordView = z.object({
  id: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  status: z.enum(TENANT_STATUSES),
  plan: z.enum(TENANT_PLANS),
  timeZone: z.literal(TENANT_TIME_ZONE),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }),
  createdAt: z.string(),
  createdBy: z.string(),
  statusChangedAt: z.string().optional(),
  statusChangedBy: z.string().optional(),
  /** A delete asked for: from `purgeAfter` on the purge may run; a resume before it restores. */
  deletion: z
    .object({
      requestedAt: z.string(),
      requestedBy: z.string(),
      graceDays: z.number().int(),
      purgeAfter: z.string(),
    })
    .optional(),
  /** The purge's progress: what it has deleted so far, and the phase it is in. */
  purge: z
    .object({
      phase: z.enum(PURGE_PHASES),
      cursor: z.string().optional(),
      users: z.number().int(),
      objects: z.number().int(),
      items: z.number().int(),
      startedAt: z.string(),
      finishedAt: z.string().optional(),
    })
    .optional(),
  /** Exports made of this tenant (who, when). */
  exports: z.array(z.object({ id: z.string(), at: z.string(), by: z.string() })).optional(),
});

/** The operator's view of a province's health, from counters (shared/domain/tenants/health.ts). */
export const tenantHealth = z.object({
  pending: z.number().int(),
  overdue: z.number().int(),
  failedDeliveries: z.number().int(),
});
/** This month's usage in the tenant list (shared/domain/usage: monthSummary); docs/usage.md. */
export const tenantUsageSummary = z
  .object({
    month: z.string().describe('yyyy-mm, giờ Việt Nam / Vietnam time'),
    dossiersReceived: z.number().int().min(0),
    actions: z.number().int().min(0),
    apiCalls: z.number().int().min(0),
    attachmentsGbMonths: z.number().min(0),
  })
  .describe('Mức sử dụng tháng này / this month’s usage');
export const tenantListItem = tenantRecordView.extend({ health: tenantHealth, usage: tenantUsageSummary });
export const tenantList = z.object({ items: z.array(tenantListItem), nextCursor });

/** `DELETE /v1/operator/tenants/{tenant}`: the grace period before the purge may run. */
export const deleteTenantQuery = z
  .object({
    graceDays: z.coerce.number().int().min(1).max(36500).optional(),
  })
  .strict();

/** `POST /v1/operator/tenants/{tenant}/admins`: one more tenant admin for an existing province. */
export const addTenantAdmin = tenantAdminInput;

export const staffView = z.object({
  username: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  agency: z.string(),
  roles: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.string().optional(),
});

/**
 * A new account: its temporary password (valid three days, changed at first sign-in) is in the
 * answer so the admin can hand it over when e-mail is slow or capped; Cognito e-mails it too.
 */
export const createdStaff = staffView.extend({
  temporaryPassword: z.string(),
  invitation: z.enum(['email', 'none']),
});

export const createdTenant = z.object({ tenant: tenantRecordView, admin: createdStaff });

export const createStaff = z
  .object({
    username: staffUsername,
    name: personName,
    email,
    agency: agencyCode,
    roles: requestedRoles,
  })
  .strict();
export type CreateStaff = z.infer<typeof createStaff>;

/** Any subset; `enabled: false` disables sign-in (existing tokens expire within the hour). */
export const updateStaff = z
  .object({
    agency: agencyCode.optional(),
    roles: requestedRoles.optional(),
    enabled: z.boolean().optional(),
    name: personName.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'không có gì để sửa / nothing to change' });
export type UpdateStaff = z.infer<typeof updateStaff>;

export const staffParams = z.object({ username: staffUsername }).strict();
export const staffListQuery = z.object(pageQuery('staff', staffUsername)).strict();
export const staffList = z.object({ items: z.array(staffView), nextCursor });
