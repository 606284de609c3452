/** Route getStaff's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getStaffMeta = {
  id: 'getStaff',
  method: 'GET',
  path: '/v1/admin/staff/{username}',
  entry: 'functions/admin/get-staff.ts',
  auth: 'user',
  action: 'staff.admin',
  access: { table: 'read' },
  summary: 'Một tài khoản cán bộ / one staff account',
  tags: ['admin'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 511 KB measured
} as const satisfies RouteMeta;
