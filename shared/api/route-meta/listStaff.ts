/** Route listStaff's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const listStaffMeta = {
  id: 'listStaff',
  method: 'GET',
  path: '/v1/admin/staff',
  entry: 'functions/admin/list-staff.ts',
  auth: 'user',
  action: 'staff.admin',
  access: { table: 'read' },
  summary: 'Cán bộ của tỉnh / the tenant’s staff accounts',
  tags: ['admin'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 522 KB measured
} as const satisfies RouteMeta;
