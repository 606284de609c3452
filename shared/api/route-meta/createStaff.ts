/** Route createStaff's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const createStaffMeta = {
  id: 'createStaff',
  method: 'POST',
  path: '/v1/admin/staff',
  entry: 'functions/admin/create-staff.ts',
  auth: 'user',
  action: 'staff.admin',
  access: { table: 'readWrite', cognito: 'users', audit: true },
  summary:
    'Tạo tài khoản cán bộ của tỉnh (cơ quan, vai trò); mật khẩu tạm gửi e-mail / create a staff account; the temporary password is e-mailed',
  tags: ['admin'],
  idempotent: true,
  bundle: { kb: 650, reason: ROUTE_REASON }, // 611 KB measured
} as const satisfies RouteMeta;
