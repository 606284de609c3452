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
  /** Access tokens: the app client the token was issued to (an agency system's own client). */
  clientId: 'client_id',
  /** Access tokens: space-separated OAuth scopes. */
  scope: 'scope',
  /** Access tokens of users carry it; client-credentials tokens never do (no user signed in). */
  accessUsername: 'username',
} as const;

/**
 * The resource server agencies' systems get tokens for (Cognito resource server identifier), and
 * its scopes: `read` lists and fetches dossiers and attachments, `act` takes step actions.
 */
export const AGENCY_RESOURCE_SERVER = 'motcua';
export const AGENCY_SCOPES = {
  read: `${AGENCY_RESOURCE_SERVER}/dossiers.read`,
  act: `${AGENCY_RESOURCE_SERVER}/dossiers.act`,
} as const;
export type AgencyScope = (typeof AGENCY_SCOPES)[keyof typeof AGENCY_SCOPES];
export const AGENCY_SCOPE_LIST: readonly AgencyScope[] = Object.values(AGENCY_SCOPES);

/**
 * The audience agency access tokens carry (`aud`, added with the tenant and agency by the
 * pre-token-generation trigger and by the local issuer): the API's JWT authorizer lists it next to
 * the web client id, so agency app clients made at run time need no change to the authorizer.
 */
export const AGENCY_AUDIENCE = `${AGENCY_RESOURCE_SERVER}-agency-api`;

/**
 * The tokens the handlers accept, by `token_use`. API Gateway's JWT authorizer lets through both
 * kinds Cognito issues for the web client (an ID token's `aud` and an access token's `client_id`
 * are both that client id), so the handlers choose: ID tokens only, because the tenant, agency and
 * roles are custom attributes, which Cognito puts in ID tokens and not in access tokens. A token
 * without `token_use`, or with any other value, is not one Cognito issued for a user: 401.
 */
export const ACCEPTED_TOKEN_USES: readonly string[] = ['id'];

/**
 * The one exception: a client-credentials access token of an agency's system (`token_use: access`,
 * `client_id`, an agency scope, and the tenant and agency the trigger added). Checked claim by claim
 * in principal.ts; a user's access token (it has `username`) is still refused.
 */
export const MACHINE_TOKEN_USE = 'access';

/** The role names the `custom:roles` claim may carry: the domain's (shared/domain/roles.ts). */
export { ROLES, type Role } from '../domain/roles';
