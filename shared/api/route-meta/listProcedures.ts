/** Route listProcedures's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const listProceduresMeta = {
  id: 'listProcedures',
  method: 'GET',
  path: '/v1/public/{tenant}/procedures',
  entry: 'functions/catalog/list-procedures.ts',
  auth: 'public',
  action: 'public',
  access: { table: 'read' },
  summary:
    'Danh mục thủ tục, lọc theo lĩnh vực và tìm không dấu / procedure catalog with field filter and accent-insensitive search',
  tags: ['catalog'],
  page: 'negotiated',
  bundle: { kb: 575, reason: ROUTE_REASON }, // 542 KB measured
} as const satisfies RouteMeta;
