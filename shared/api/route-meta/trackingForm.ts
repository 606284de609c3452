/** Route trackingForm's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const trackingFormMeta = {
  id: 'trackingForm',
  method: 'GET',
  path: '/v1/public/{tenant}/dossiers',
  entry: 'functions/pages/tracking-form.ts',
  auth: 'public',
  action: 'public',
  access: { table: 'read' },
  summary:
    'Trang nhập mã hồ sơ để tra cứu; có ?code= thì chuyển đến trang tiến độ / the tracking form page; with ?code= it redirects to the dossier',
  tags: ['tracking'],
  page: 'only',
  bundle: { kb: 525, reason: ROUTE_REASON }, // 486 KB measured
} as const satisfies RouteMeta;
