/** Route getServiceIndex's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getServiceIndexMeta = {
  id: 'getServiceIndex',
  method: 'GET',
  path: '/v1/reports/service-index',
  entry: 'functions/reports/service-index.ts',
  auth: 'user',
  action: 'serviceIndex.read',
  access: { table: 'read' },
  summary:
    'Chỉ số phục vụ người dân, doanh nghiệp theo Quyết định 766/2022/QĐ-TTg (6 nhóm, 100 điểm) / the service index of Decision 766/2022 for a period',
  tags: ['reports'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 542 KB measured
} as const satisfies RouteMeta;
