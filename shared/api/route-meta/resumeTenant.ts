/** Route resumeTenant's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const resumeTenantMeta = {
  id: 'resumeTenant',
  method: 'POST',
  path: '/v1/operator/tenants/{tenant}/resume',
  entry: 'functions/operator/resume-tenant.ts',
  auth: 'user',
  action: 'tenants.operate',
  access: { table: 'readWrite' },
  summary:
    'Phục vụ lại tỉnh đã tạm ngừng, hoặc khôi phục tỉnh đang chờ xoá / resume a suspended tenant, or restore one being deleted',
  tags: ['operator'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 508 KB measured
} as const satisfies RouteMeta;
