/**
 * Who someone is to the one-stop shop. The platform reads these names from the token's
 * `custom:roles` claim; the domain decides what each may do.
 */
export const ROLES = ['reception', 'specialist', 'leader', 'tenantAdmin', 'citizen', 'agencySystem'] as const;
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
