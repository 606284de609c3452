/**
 * Which nested stack of the Api stack a route's handler lives in (infra/stacks/api-routes-stack.ts).
 * Derived from the route table alone, so a new route lands in a group with nothing to configure:
 * the first path segment after `/v1/` (`admin`, `dossiers`, `public`, `reports`, …); a segment seen
 * for the first time makes a new group. The group is part of the handler's construct path, so it
 * must stay stable: a route whose group changes gets a new function (its HTTP route, kept in the
 * parent stack, is repointed in place, so the API keeps answering).
 *
 * Pure (no CDK): the unit tests check it without building the app.
 */

/** Where a route's group is not its own segment: too few routes to stand alone, and they belong there. */
const JOINS: Readonly<Record<string, string>> = {
  // The API reference page beside the OpenAPI document (`openapi.json` is not a word: platform).
  docs: 'platform',
  // The staff's work queue is the dossiers' processing side.
  'work-queue': 'dossiers',
};

/** The catch-all `$default`, `/v1/openapi.json` and anything not under `/v1/<word>`. */
export const FALLBACK_GROUP = 'platform';

const WORD = /^[a-z][a-z0-9-]*$/;

/** The group of one route: a lower-case word, usable in a construct id. */
export function routeGroup(route: { readonly path: string }): string {
  const segment = /^\/v1\/([^/]+)/.exec(route.path)?.[1];
  if (segment === undefined || !WORD.test(segment)) return FALLBACK_GROUP;
  return JOINS[segment] ?? segment;
}

/** The routes by group, groups in the order they first appear, routes in table order. */
export function groupRoutes<T extends { readonly path: string }>(routes: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const route of routes) {
    const group = routeGroup(route);
    groups.set(group, [...(groups.get(group) ?? []), route]);
  }
  return groups;
}

/** `work-queue` → `WorkQueueRoutes`: the nested stack's construct id. */
export function groupStackId(group: string): string {
  const pascal = group
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return `${pascal}Routes`;
}
