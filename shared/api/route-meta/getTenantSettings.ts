/** Route getTenantSettings's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getTenantSettingsMeta = {
  id: 'getTenantSettings',
  method: 'GET',
  path: '/v1/admin/settings',
  entry: 'functions/catalog/get-settings.ts',
  auth: 'user',
  action: 'catalog.admin',
  access: { table: 'read' },
  summary:
    "Cấu hình của tỉnh: giờ làm việc, ngày làm bù, ngày nghỉ địa phương / the tenant's office hours and calendar overrides",
  tags: ['admin'],
  bundle: { kb: 525, reason: ROUTE_REASON }, // 498 KB measured
} as const satisfies RouteMeta;
