/** Route addTenantAdmin's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const addTenantAdminMeta = {
  id: 'addTenantAdmin',
  method: 'POST',
  path: '/v1/operator/tenants/{tenant}/admins',
  entry: 'functions/operator/add-tenant-admin.ts',
  auth: 'user',
  action: 'tenants.operate',
  access: { table: 'readWrite', cognito: 'users', audit: true },
  summary: 'Thêm quản trị cho một tỉnh đã có / add a tenant admin to an existing tenant',
  tags: ['operator'],
  idempotent: true,
  bundle: { kb: 625, reason: ROUTE_REASON }, // 590 KB measured
} as const satisfies RouteMeta;
