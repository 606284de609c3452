/** Route suspendTenant's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const suspendTenantMeta = {
  id: 'suspendTenant',
  method: 'POST',
  path: '/v1/operator/tenants/{tenant}/suspend',
  entry: 'functions/operator/suspend-tenant.ts',
  auth: 'user',
  action: 'tenants.operate',
  access: { table: 'readWrite' },
  summary:
    'Tạm ngừng: mọi đường dẫn của tỉnh trả 403, dữ liệu giữ nguyên / suspend: the tenant’s routes answer 403, data kept',
  tags: ['operator'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 508 KB measured
} as const satisfies RouteMeta;
