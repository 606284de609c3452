/** Route putAgency's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const putAgencyMeta = {
  id: 'putAgency',
  method: 'PUT',
  path: '/v1/admin/agencies/{code}',
  entry: 'functions/catalog/put-agency.ts',
  auth: 'user',
  action: 'catalog.admin',
  access: { table: 'readWrite' },
  summary: 'Tạo hoặc sửa cơ quan / create or replace an agency',
  tags: ['admin'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 526 KB measured
} as const satisfies RouteMeta;
