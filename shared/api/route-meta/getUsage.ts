/** Route getUsage's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getUsageMeta = {
  id: 'getUsage',
  method: 'GET',
  path: '/v1/admin/usage',
  entry: 'functions/usage/get.ts',
  auth: 'user',
  action: 'usage.read',
  access: { table: 'read' },
  summary:
    'Mức sử dụng của đơn vị mình trong một tháng (hồ sơ, thao tác, lưu trữ, webhook, API) / own tenant’s usage in a month',
  tags: ['admin'],
  bundle: { kb: 475, reason: ROUTE_REASON }, // 438 KB measured
} as const satisfies RouteMeta;
