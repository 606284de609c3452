/** Route exportReport's metadata: how to add a route, shared/api/route-meta.ts. */
import { XLSX_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const exportReportMeta = {
  id: 'exportReport',
  method: 'GET',
  path: '/v1/reports/export',
  entry: 'functions/reports/export.ts',
  auth: 'user',
  action: 'reports.export',
  access: { table: 'read', audit: true },
  summary:
    'Xuất báo cáo tình hình, kết quả giải quyết TTHC ra Excel (mỗi cấp một trang, có tổng cộng, trang tổng hợp theo cơ quan từng tháng) / the report as an XLSX workbook',
  tags: ['reports'],
  bundle: { kb: 1025, reason: XLSX_REASON }, // 978 KB measured
} as const satisfies RouteMeta;
