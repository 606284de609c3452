/** Route updateStaff's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const updateStaffMeta = {
  id: 'updateStaff',
  method: 'PATCH',
  path: '/v1/admin/staff/{username}',
  entry: 'functions/admin/update-staff.ts',
  auth: 'user',
  action: 'staff.admin',
  access: { table: 'readWrite', cognito: 'users', audit: true },
  summary:
    'Đổi cơ quan, vai trò, tên; khoá hoặc mở tài khoản / change agency, roles, name; disable or enable',
  tags: ['admin'],
  bundle: { kb: 625, reason: ROUTE_REASON }, // 576 KB measured
} as const satisfies RouteMeta;
