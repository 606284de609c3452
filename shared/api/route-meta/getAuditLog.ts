/** Route getAuditLog's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getAuditLogMeta = {
  id: 'getAuditLog',
  method: 'GET',
  path: '/v1/audit',
  entry: 'functions/audit/list.ts',
  auth: 'user',
  action: 'audit.read',
  access: { table: 'read' },
  summary:
    'Nhật ký truy cập: ai xem dữ liệu cá nhân, đổi vai trò, xuất dữ liệu; mới nhất trước / the audit log, newest first',
  tags: ['audit'],
  bundle: { kb: 475, reason: ROUTE_REASON }, // 445 KB measured
} as const satisfies RouteMeta;
