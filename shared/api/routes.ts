/**
 * The full route table: each route's metadata (shared/api/route-meta.ts) joined with its contract
 * (shared/api/contracts/<routeId>.ts). The OpenAPI document, tests and tools read it here; the CDK
 * API stack and the offline gateway create a route and a function from each entry.
 *
 * Derived, never a second source: a route is written once, its non-schema facts in ROUTE_META and
 * its schemas in its contract. Importing this module builds every route's schemas, which is why
 * no handler imports it (issue 14 §1): a handler imports its own contract, the runtime the light
 * metadata. How to add a route: the top of route-meta.ts.
 */
import type { RouteContract } from './contracts/contract';
import { CONTRACTS } from './contracts';
import { ROUTE_META, type RouteId, type RouteMeta } from './route-meta';

export type { BucketAction, ResourceAccess, RouteAuth, RouteId, RouteMeta } from './route-meta';
export { routeKey, routeRoles } from './route-meta';

/** A route with its schemas: metadata and contract joined. */
export interface RouteDef extends RouteMeta, RouteContract {}

type Meta = (typeof ROUTE_META)[number];
type Joined<M> = M extends Meta ? M & Omit<(typeof CONTRACTS)[M['id']], 'id'> : never;

function join(): readonly Joined<Meta>[] {
  const contracts: Record<string, RouteContract> = CONTRACTS;
  const ids = new Set<string>(ROUTE_META.map((m) => m.id));
  for (const [key, contract] of Object.entries(contracts)) {
    if (contract.id !== key) throw new Error(`Contract ${contract.id} is listed as ${key}`);
    if (!ids.has(key)) throw new Error(`Contract ${key} has no route in route-meta.ts`);
  }
  return ROUTE_META.map((meta) => {
    const contract = contracts[meta.id];
    if (!contract) throw new Error(`Route ${meta.id} has no contract in shared/api/contracts`);
    const { id: _id, ...schemas } = contract;
    return { ...meta, ...schemas };
  }) as unknown as readonly Joined<Meta>[];
}

export const ROUTES = join() satisfies readonly RouteDef[];

export type RouteOf<Id extends RouteId> = Extract<(typeof ROUTES)[number], { id: Id }>;

export function routeById<Id extends RouteId>(id: Id): RouteOf<Id> {
  const route = ROUTES.find((r) => r.id === id);
  if (!route) throw new Error(`Unknown route ${id}`);
  return route as RouteOf<Id>;
}
