/**
 * The route groups (infra/constructs/route-groups.ts): every route of the table in exactly one
 * group, derived from its path alone, so a route added tomorrow needs no entry anywhere else.
 */
import { ROUTES } from '../../../shared/api/routes';
import {
  FALLBACK_GROUP,
  groupRoutes,
  groupStackId,
  routeGroup,
} from '../../../infra/constructs/route-groups';

describe('routeGroup', () => {
  it.each([
    ['/v1/admin/procedures/{code}', 'admin'],
    ['/v1/dossiers/{code}/attachments', 'dossiers'],
    ['/v1/public/{tenant}/procedures', 'public'],
    ['/v1/operator/tenants/{tenant}/usage', 'operator'],
    ['/v1/reports/service-index', 'reports'],
    ['/v1/webhooks/subscriptions/{id}', 'webhooks'],
  ])('puts %s in the group of its first segment after /v1 (%s)', (path, group) => {
    expect(routeGroup({ path })).toBe(group);
  });

  it('puts the catch-all, the OpenAPI document and the API reference in the platform group', () => {
    for (const path of ['$default', '/v1/openapi.json', '/v1/docs'])
      expect(routeGroup({ path })).toBe(FALLBACK_GROUP);
  });

  it('puts the staff work queue with the dossiers', () => {
    expect(routeGroup({ path: '/v1/work-queue' })).toBe('dossiers');
  });

  it('gives a segment never seen before a group of its own, with no configuration', () => {
    expect(routeGroup({ path: '/v1/audit/events' })).toBe('audit');
    expect(routeGroup({ path: '/v1/audit-log' })).toBe('audit-log');
  });

  it('sends a path that is not under /v1/<word> to the platform group rather than failing', () => {
    for (const path of ['/health', '/v1/{tenant}/x', '/v1/', '/v2'])
      expect(routeGroup({ path })).toBe(FALLBACK_GROUP);
  });
});

describe('groupRoutes over the route table', () => {
  const groups = groupRoutes(ROUTES);

  it('places every route exactly once, in its own group, in table order', () => {
    const placed = [...groups.values()].flat();
    expect(placed.map((r) => r.id).sort()).toEqual(ROUTES.map((r) => r.id).sort());
    for (const [group, routes] of groups) {
      for (const r of routes) expect(routeGroup(r)).toBe(group);
      const order = routes.map((r) => ROUTES.indexOf(r));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('makes a handful of groups, not one per route', () => {
    expect(groups.size).toBeGreaterThan(1);
    expect(groups.size).toBeLessThan(ROUTES.length / 4);
  });
});

describe('groupStackId', () => {
  it('turns a group into a distinct PascalCase construct id', () => {
    expect(groupStackId('admin')).toBe('AdminRoutes');
    expect(groupStackId('work-queue')).toBe('WorkQueueRoutes');
    const ids = [...groupRoutes(ROUTES).keys()].map(groupStackId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Za-z0-9]*Routes$/);
  });
});
