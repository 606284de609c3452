/** Route createTenant's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const createTenantMeta = {
  id: 'createTenant',
  method: 'POST',
  path: '/v1/operator/tenants',
  entry: 'functions/operator/create-tenant.ts',
  auth: 'user',
  action: 'tenants.operate',
  access: { table: 'readWrite', cognito: 'users' },
  summary:
    'Tạo tỉnh thuê dịch vụ và tài khoản quản trị đầu tiên / create a tenant (province) and its first tenant admin',
  tags: ['operator'],
  idempotent: true,
  bundle: { kb: 650, reason: ROUTE_REASON }, // 600 KB measured
} as const satisfies RouteMeta;
