/**
 * The platform's side of the authorization policy (shared/domain/policy): the caller from the
 * verified token, and a denial turned into its problem response. Handlers and use cases ask here;
 * none decides on roles or relations of its own.
 */
import { decide, reachOf, type Action, type Caller, type Facts, type ScopeMeaning } from '../domain/policy';
import { AGENCY_SCOPES } from './claims';
import { ForbiddenError, NotFoundError, UnauthorizedError } from './errors';
import type { Principal } from './principal';

const SCOPE_NAMES: Record<ScopeMeaning, string> = { read: AGENCY_SCOPES.read, act: AGENCY_SCOPES.act };

/** The policy's view of a principal: its scopes by meaning (an agency system's only). */
export function callerOf(principal: Principal): Caller {
  return {
    subject: principal.subject,
    tenant: principal.tenant,
    agency: principal.agency,
    roles: principal.roles,
    ...(principal.scopes
      ? {
          scopes: (Object.keys(SCOPE_NAMES) as ScopeMeaning[]).filter((m) =>
            principal.scopes?.includes(SCOPE_NAMES[m] as (typeof principal.scopes)[number]),
          ),
        }
      : {}),
  };
}

/** Whether the policy allows it (for choices that are not refusals, e.g. which forms to offer). */
export function allows(principal: Principal | undefined, action: Action, facts?: Facts): boolean {
  return decide(principal && callerOf(principal), action, facts).allow;
}

/** Whether the caller's grant on `action` covers every agency of its tenant (else its own only). */
export const reachesTenant = (principal: Principal, action: Action): boolean =>
  reachOf(callerOf(principal), action) === 'tenant';

/**
 * Throws the denial's problem: 401, 403 naming the roles or scopes wanted (they are the API's
 * published contract, so naming them reveals nothing), or 404 with `notFound`'s words — the same
 * words a missing thing gets, so a refusal and an absence cannot be told apart.
 */
export function authorize(
  principal: Principal | undefined,
  action: Action,
  facts?: Facts,
  notFound: () => Error = () => new NotFoundError('Không tìm thấy / not found'),
  forbidden?: () => Error,
): void {
  const decision = decide(principal && callerOf(principal), action, facts);
  if (decision.allow) return;
  switch (decision.reason) {
    case 'unauthenticated':
      throw new UnauthorizedError();
    case 'role': {
      const roles = decision.roles.join(', ');
      throw new ForbiddenError(`Cần một trong các vai trò ${roles} / requires one of the roles ${roles}`);
    }
    case 'scope': {
      const needed = decision.scopes.map((s) => SCOPE_NAMES[s]);
      throw new ForbiddenError(
        `Token thiếu phạm vi ${needed.join(' hoặc ')} / the token lacks the scope ${needed.join(' or ')}`,
      );
    }
    case 'tenant':
      throw notFound();
    case 'relation':
      if (decision.status === 404) throw notFound();
      throw forbidden
        ? forbidden()
        : new ForbiddenError('Không có quyền với hồ sơ này / not allowed on this dossier');
  }
}
