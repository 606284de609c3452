/**
 * Who is calling, from the verified JWT claims that API Gateway (or the offline gateway) put on the
 * event. The tenant and agency come from here, never from the request body alone.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import {
  ACCEPTED_TOKEN_USES,
  AGENCY_SCOPE_LIST,
  CLAIMS,
  MACHINE_TOKEN_USE,
  ROLES,
  type AgencyScope,
  type Role,
} from './claims';
import { UnauthorizedError } from './errors';

export interface Principal {
  subject: string;
  username: string;
  name?: string;
  tenant: string;
  /** The agency a staff member works for; absent for citizens. */
  agency?: string;
  roles: Role[];
  /**
   * Only for an agency's system (client-credentials token): the agency scopes it was granted.
   * Absent for people, whose roles alone decide.
   */
  scopes?: readonly AgencyScope[];
}

type Claims = Record<string, string | number | boolean | string[] | undefined>;

export function claimsOf(event: APIGatewayProxyEventV2): Claims | undefined {
  const ctx = event.requestContext as APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Claims } };
  };
  return ctx.authorizer?.jwt?.claims;
}

/** Undefined (so 401) unless the claims are those of a token the handlers accept. */
export function principalFromClaims(claims: Claims | undefined): Principal | undefined {
  if (!claims) return undefined;
  const tokenUse = claims[CLAIMS.tokenUse];
  if (tokenUse === MACHINE_TOKEN_USE) return machinePrincipal(claims);
  if (typeof tokenUse !== 'string' || !ACCEPTED_TOKEN_USES.includes(tokenUse)) return undefined;
  const tenant = claims[CLAIMS.tenant];
  const subject = claims[CLAIMS.subject];
  if (typeof tenant !== 'string' || typeof subject !== 'string') return undefined;
  const rawRoles = claims[CLAIMS.roles];
  const roleList = Array.isArray(rawRoles)
    ? rawRoles
    : typeof rawRoles === 'string'
      ? rawRoles.split(',')
      : [];
  const roles = roleList
    .map((r) => r.trim())
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const agency = claims[CLAIMS.agency];
  const username = claims[CLAIMS.username];
  const name = claims[CLAIMS.name];
  return {
    subject,
    username: typeof username === 'string' ? username : subject,
    name: typeof name === 'string' ? name : undefined,
    tenant,
    agency: typeof agency === 'string' && agency !== '' ? agency : undefined,
    roles,
  };
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * An agency's system: a client-credentials access token with an agency scope and the tenant and
 * agency its client was registered for. Anything else with `token_use: access` is refused (401):
 * a user's access token (it names a `username` and has no tenant claims), a token without an agency
 * scope, or one whose client was not registered (no tenant or agency).
 */
function machinePrincipal(claims: Claims): Principal | undefined {
  const clientId = claims[CLAIMS.clientId];
  const tenant = claims[CLAIMS.tenant];
  const agency = claims[CLAIMS.agency];
  if (claims[CLAIMS.accessUsername] !== undefined) return undefined;
  if (!nonEmpty(clientId) || !nonEmpty(tenant) || !nonEmpty(agency)) return undefined;
  const rawScope = claims[CLAIMS.scope];
  const granted =
    typeof rawScope === 'string' ? rawScope.split(' ') : Array.isArray(rawScope) ? rawScope : [];
  const scopes = AGENCY_SCOPE_LIST.filter((s) => granted.includes(s));
  if (scopes.length === 0) return undefined;
  // The client id is who it is: the history and logs name it, as they name a person's username.
  return { subject: clientId, username: clientId, tenant, agency, roles: ['agencySystem'], scopes };
}

export function requirePrincipal(principal: Principal | undefined): Principal {
  if (!principal) throw new UnauthorizedError();
  return principal;
}

export const hasRole = (principal: Principal, role: Role): boolean => principal.roles.includes(role);
