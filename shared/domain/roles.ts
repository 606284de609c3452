/**
 * Who someone is to the one-stop shop. The platform reads these names from the token's
 * `custom:roles` claim; the domain decides what each may do.
 */
export const ROLES = [
  'reception',
  'specialist',
  'leader',
  'tenantAdmin',
  'citizen',
  'agencySystem',
  // Issue 10: staff roles a user may hold. What they may do is issue 11's policy work: for now
  // they exist and are assignable, and no route lists them (so they reach only open routes).
  'clerk',
  'auditor',
  // The platform operator: creates, lists, suspends and resumes tenants. Held only by users of the
  // reserved PLATFORM_TENANT (shared/domain/tenants), never grantable by a tenant admin.
  'operator',
] as const;
export type Role = (typeof ROLES)[number];

/** The roles a procedure step is planned for, and the work queues there are. */
export const STEP_ROLES = ['reception', 'specialist', 'leader'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** The one staff list: roles that act for an agency (a tenant admin oversees, it does not act). */
export const AGENCY_STAFF_ROLES: readonly Role[] = ['reception', 'specialist', 'leader', 'agencySystem'];

/**
 * The step roles someone works as. An agency's system (its own software, calling the API) acts
 * as that agency's specialist, and as nothing else: written here once.
 */
export function workingRoles(roles: readonly string[]): StepRole[] {
  return STEP_ROLES.filter(
    (r) => roles.includes(r) || (r === 'specialist' && roles.includes('agencySystem')),
  );
}

/**
 * The roles a tenant admin may grant to the tenant's staff: never `operator` (the platform's),
 * `agencySystem` (an app client's, registered as one) or `citizen` (self-signed citizens).
 */
export const TENANT_ROLES = ['reception', 'specialist', 'leader', 'clerk', 'tenantAdmin', 'auditor'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** The roles in `roles` a tenant admin may not grant (empty when every one is grantable). */
export function ungrantableRoles(roles: readonly string[]): string[] {
  return roles.filter((r) => !(TENANT_ROLES as readonly string[]).includes(r));
}
