/** Route getApiReference's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getApiReferenceMeta = {
  id: 'getApiReference',
  method: 'GET',
  path: '/v1/docs',
  entry: 'functions/pages/api-reference.ts',
  auth: 'public',
  action: 'public',
  access: {},
  summary: 'Tài liệu API dạng trang HTML, dựng từ tài liệu OpenAPI / the API reference as an HTML page',
  tags: ['platform'],
  page: 'only',
  bundle: { kb: 625, reason: ROUTE_REASON }, // 585 KB measured
} as const satisfies RouteMeta;
