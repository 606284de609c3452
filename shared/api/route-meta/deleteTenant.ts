/** Route deleteTenant's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const deleteTenantMeta = {
  id: 'deleteTenant',
  method: 'DELETE',
  path: '/v1/operator/tenants/{tenant}',
  entry: 'functions/operator/delete-tenant.ts',
  auth: 'user',
  action: 'tenants.operate',
  access: { table: 'readWrite' },
  summary:
    'Xoá tỉnh đã tạm ngừng: dữ liệu xoá hẳn sau thời gian chờ (mặc định 30 ngày), khôi phục được trước đó / delete a suspended tenant: purged after a grace period (30 days by default), restorable until then',
  tags: ['operator'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 508 KB measured
} as const satisfies RouteMeta;
