/** Route getAgencyMonthSummary's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getAgencyMonthSummaryMeta = {
  id: 'getAgencyMonthSummary',
  method: 'GET',
  path: '/v1/reports/agencies',
  entry: 'functions/reports/agency-months.ts',
  auth: 'user',
  action: 'reports.read',
  access: { table: 'read' },
  summary:
    'Tổng hợp một tháng theo cơ quan: tiếp nhận, tỷ lệ đúng hạn, quá hạn, xin lỗi, hài lòng / a month per agency',
  tags: ['reports'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 535 KB measured
} as const satisfies RouteMeta;
