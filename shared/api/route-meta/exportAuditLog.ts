/** Route exportAuditLog's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const exportAuditLogMeta = {
  id: 'exportAuditLog',
  method: 'GET',
  path: '/v1/audit/export',
  entry: 'functions/audit/export.ts',
  auth: 'user',
  action: 'audit.export',
  access: { table: 'read', audit: true },
  summary:
    'Xuất nhật ký truy cập ra CSV (UTF-8 có BOM, mở bằng Excel); việc xuất cũng được ghi / the audit log as CSV; the export is recorded too',
  tags: ['audit'],
  bundle: { kb: 475, reason: ROUTE_REASON }, // 450 KB measured
} as const satisfies RouteMeta;
