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
  /** Cognito's kind of token: `id` or `access`. */
  tokenUse: 'token_use',
} as const;

/**
 * The tokens the handlers accept, by `token_use`. API Gateway's JWT authorizer lets through both
 * kinds Cognito issues for the web client (an ID token's `aud` and an access token's `client_id`
 * are both that client id), so the handlers choose: ID tokens only, because the tenant, agency and
 * roles are custom attributes, which Cognito puts in ID tokens and not in access tokens. A token
 * without `token_use`, or with any other value, is not one Cognito issued for a user: 401.
 */
export const ACCEPTED_TOKEN_USES: readonly string[] = ['id'];

/** The role names the `custom:roles` claim may carry: the domain's (shared/domain/roles.ts). */
export { ROLES, type Role } from '../domain/roles';
