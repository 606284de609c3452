/** Route putProcedure's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const putProcedureMeta = {
  id: 'putProcedure',
  method: 'PUT',
  path: '/v1/admin/procedures/{code}',
  entry: 'functions/catalog/put-procedure.ts',
  auth: 'user',
  action: 'catalog.admin',
  access: { table: 'readWrite' },
  summary: 'Tạo hoặc sửa thủ tục / create or replace a procedure',
  tags: ['admin'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 531 KB measured
} as const satisfies RouteMeta;
