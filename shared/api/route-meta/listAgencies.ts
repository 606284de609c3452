/** Route listAgencies's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const listAgenciesMeta = {
  id: 'listAgencies',
  method: 'GET',
  path: '/v1/public/{tenant}/agencies',
  entry: 'functions/catalog/list-agencies.ts',
  auth: 'public',
  action: 'public',
  access: { table: 'read' },
  summary: 'Cây cơ quan và điểm tiếp nhận / agency tree and reception points',
  tags: ['catalog'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 523 KB measured
} as const satisfies RouteMeta;
