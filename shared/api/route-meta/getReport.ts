/** Route getReport's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getReportMeta = {
  id: 'getReport',
  method: 'GET',
  path: '/v1/reports',
  entry: 'functions/reports/get.ts',
  auth: 'user',
  action: 'reports.read',
  access: { table: 'read' },
  summary:
    'Báo cáo kết quả giải quyết hồ sơ theo cơ quan, lĩnh vực, thủ tục và kỳ (từ bộ đếm) / report figures per agency, field, procedure and period (from counters)',
  tags: ['reports'],
  bundle: { kb: 500, reason: ROUTE_REASON }, // 451 KB measured
} as const satisfies RouteMeta;
