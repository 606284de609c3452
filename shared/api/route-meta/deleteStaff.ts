/** Route deleteStaff's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const deleteStaffMeta = {
  id: 'deleteStaff',
  method: 'DELETE',
  path: '/v1/admin/staff/{username}',
  entry: 'functions/admin/delete-staff.ts',
  auth: 'user',
  action: 'staff.admin',
  access: { table: 'readWrite', cognito: 'users', audit: true },
  summary:
    'Xoá tài khoản cán bộ (khoá rồi xoá); không tự xoá mình, không xoá quản trị cuối cùng / delete a staff account (disabled, then deleted); not yourself, not the last tenant admin',
  tags: ['admin'],
  bundle: { kb: 600, reason: ROUTE_REASON }, // 562 KB measured
} as const satisfies RouteMeta;
