/**
 * The one decision: may this caller take this action on this thing? Pure; the platform turns a
 * denial into its problem response. A denial says the status that reveals nothing more than the
 * caller may know: 401 without a caller, 403 when the role (or an agency system's scope) does not
 * reach the action at all (decided before anything is looked up), 404 for another tenant's things
 * and for a dossier the caller may not even read, 403 when it may read the dossier but not act so.
 */
import { ROLES, type Role } from '../roles';
import { ACTIONS, type Action } from './actions';
import { relationsOf, type Facts, type Relation } from './relations';
import { POLICY, type Grant } from './table';

/** The scopes an agency system's token carries, by meaning (the platform maps the claim's names). */
export type ScopeMeaning = 'read' | 'act';

export interface Caller {
  subject: string;
  tenant: string;
  agency?: string;
  roles: readonly Role[];
  /** Only for an agency system's token; people's roles alone decide. */
  scopes?: readonly ScopeMeaning[];
  /** Only for a receipt holder (role `citizen`, no token): the dossier whose secret it gave. */
  receiptFor?: string;
}

export type Denial =
  | { allow: false; status: 401; reason: 'unauthenticated' }
  | { allow: false; status: 403; reason: 'role'; roles: readonly Role[] }
  | { allow: false; status: 403; reason: 'scope'; scopes: readonly ScopeMeaning[] }
  | { allow: false; status: 404; reason: 'tenant' }
  | { allow: false; status: 403 | 404; reason: 'relation'; relations: readonly Relation[] };
export type Decision = { allow: true; by: Role | 'public' } | Denial;

/** The roles that may take `action` somewhere: what the route table and the OpenAPI list. */
export function rolesFor(action: Action): Role[] {
  return ROLES.filter((r) => POLICY[action][r] !== undefined);
}

/** Scopes that let an agency system take an action of this mode. */
export const scopesFor = (action: Action): ScopeMeaning[] =>
  ACTIONS[action].mode === 'read' ? ['read', 'act'] : ['act'];

/** Whether a role's grant holds on these facts. */
function holds(grant: Grant, related: ReadonlySet<Relation>, caller: Caller, facts: Facts): boolean {
  if (grant === 'tenant' || grant === 'platform') return true;
  if (grant === 'agency')
    return facts.kind === 'agencyResource' && caller.agency !== undefined && facts.agency === caller.agency;
  return grant.some((r) => related.has(r));
}

/**
 * How far the caller reaches with an action it may take: `tenant` (every agency of its tenant) or
 * `agency` (its own agency's things, or those it stands in a relation to). Lists use it to choose
 * what to show; undefined when the caller may not take the action at all.
 */
export function reachOf(caller: Caller, action: Action): 'tenant' | 'agency' | undefined {
  const grants = caller.roles.map((r) => POLICY[action][r]).filter((g) => g !== undefined);
  if (grants.length === 0) return undefined;
  return grants.some((g) => g === 'tenant' || g === 'platform') ? 'tenant' : 'agency';
}

/**
 * `facts` absent: the route-level decision (role and scope), taken before anything is read.
 * Present: the decision on that thing, for the caller's tenant.
 */
export function decide(caller: Caller | undefined, action: Action, facts?: Facts): Decision {
  if (ACTIONS[action].scope === 'public') return { allow: true, by: 'public' };
  if (!caller) return { allow: false, status: 401, reason: 'unauthenticated' };
  const row = POLICY[action];
  const held = caller.roles.filter((r) => row[r] !== undefined);
  if (held.length === 0) return { allow: false, status: 403, reason: 'role', roles: rolesFor(action) };
  if (caller.scopes) {
    const needed = scopesFor(action);
    if (!caller.scopes.some((s) => needed.includes(s)))
      return { allow: false, status: 403, reason: 'scope', scopes: needed };
  }
  if (!facts) return { allow: true, by: held[0] };
  const platformRole = held.find((r) => row[r] === 'platform');
  if (platformRole) return { allow: true, by: platformRole };
  if (facts.tenant !== caller.tenant) return { allow: false, status: 404, reason: 'tenant' };
  const related = relationsOf(caller, facts);
  const by = held.find((r) => holds(row[r] as Grant, related, caller, facts));
  if (by) return { allow: true, by };
  const wanted = [...new Set(held.flatMap((r) => (Array.isArray(row[r]) ? (row[r] as Relation[]) : [])))];
  // A caller who may read the dossier knows it exists: refusing to let it act is no news (403).
  const knows =
    facts.kind === 'dossier' && action !== 'dossier.read' && decide(caller, 'dossier.read', facts).allow;
  return { allow: false, status: knows ? 403 : 404, reason: 'relation', relations: wanted };
}
