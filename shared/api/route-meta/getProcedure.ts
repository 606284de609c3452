/** Route getProcedure's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getProcedureMeta = {
  id: 'getProcedure',
  method: 'GET',
  path: '/v1/public/{tenant}/procedures/{code}',
  entry: 'functions/catalog/get-procedure.ts',
  auth: 'public',
  action: 'public',
  access: { table: 'read' },
  summary: 'Một thủ tục theo mã / one procedure by code',
  tags: ['catalog'],
  page: 'negotiated',
  bundle: { kb: 575, reason: ROUTE_REASON }, // 543 KB measured
} as const satisfies RouteMeta;
