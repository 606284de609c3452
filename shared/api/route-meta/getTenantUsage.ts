/** Route getTenantUsage's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getTenantUsageMeta = {
  id: 'getTenantUsage',
  method: 'GET',
  path: '/v1/operator/tenants/{tenant}/usage',
  entry: 'functions/operator/get-tenant-usage.ts',
  auth: 'user',
  action: 'tenants.operate',
  access: { table: 'read' },
  summary: 'Mức sử dụng của một tỉnh trong một tháng / one tenant’s usage in a month',
  tags: ['operator'],
  bundle: { kb: 525, reason: ROUTE_REASON }, // 494 KB measured
} as const satisfies RouteMeta;
