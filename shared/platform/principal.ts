/**
 * Who is calling, from the verified JWT claims that API Gateway (or the offline gateway) put on the
 * event. The tenant and agency come from here, never from the request body alone.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ACCEPTED_TOKEN_USES, CLAIMS, ROLES, type Role } from './claims';
import { ForbiddenError, UnauthorizedError } from './errors';

export interface Principal {
  subject: string;
  username: string;
  name?: string;
  tenant: string;
  /** The agency a staff member works for; absent for citizens. */
  agency?: string;
  roles: Role[];
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

export function requirePrincipal(principal: Principal | undefined): Principal {
  if (!principal) throw new UnauthorizedError();
  return principal;
}

export function requireRole(principal: Principal, allowed: readonly Role[]): void {
  if (!principal.roles.some((r) => allowed.includes(r))) {
    throw new ForbiddenError(
      `Cần một trong các vai trò ${allowed.join(', ')} / requires one of the roles ${allowed.join(', ')}`,
    );
  }
}

export const hasRole = (principal: Principal, role: Role): boolean => principal.roles.includes(role);
