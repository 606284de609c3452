/**
 * The JWT claims every token carries, whoever issued it (Cognito in AWS, the local issuer offline).
 * Cognito puts custom attributes in ID tokens as `custom:<name>`; the local issuer copies that shape
 * so the handlers read one set of names.
 */
export const CLAIMS = {
  subject: 'sub',
  username: 'cognito:username',
  tenant: 'custom:tenant',
  agency: 'custom:agency',
  /** Comma-separated roles, e.g. "reception,specialist". */
  roles: 'custom:roles',
  name: 'name',
} as const;

export const ROLES = ['reception', 'specialist', 'leader', 'tenantAdmin', 'citizen', 'agencySystem'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['reception', 'specialist', 'leader', 'tenantAdmin'];
