/** Route putTenantSettings's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const putTenantSettingsMeta = {
  id: 'putTenantSettings',
  method: 'PUT',
  path: '/v1/admin/settings',
  entry: 'functions/catalog/put-settings.ts',
  auth: 'user',
  action: 'catalog.admin',
  access: { table: 'readWrite' },
  summary:
    'Sửa giờ làm việc, tuần làm việc, giờ chốt nhận, ngày nghỉ/làm bù của tỉnh / set office hours, working week, cut-off and overrides',
  tags: ['admin'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 538 KB measured
} as const satisfies RouteMeta;
