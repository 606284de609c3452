/** Route getTenantRecord's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getTenantRecordMeta = {
  id: 'getTenantRecord',
  method: 'GET',
  path: '/v1/operator/tenants/{tenant}',
  entry: 'functions/operator/get-tenant.ts',
  auth: 'user',
  action: 'tenants.operate',
  access: { table: 'read' },
  summary: 'Một tỉnh thuê dịch vụ / one tenant',
  tags: ['operator'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 506 KB measured
} as const satisfies RouteMeta;
