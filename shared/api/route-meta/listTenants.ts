/** Route listTenants's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const listTenantsMeta = {
  id: 'listTenants',
  method: 'GET',
  path: '/v1/operator/tenants',
  entry: 'functions/operator/list-tenants.ts',
  auth: 'user',
  action: 'tenants.operate',
  access: { table: 'read' },
  summary: 'Các tỉnh thuê dịch vụ và trạng thái / tenants with their status',
  tags: ['operator'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 543 KB measured
} as const satisfies RouteMeta;
