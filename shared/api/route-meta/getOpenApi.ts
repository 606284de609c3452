/** Route getOpenApi's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getOpenApiMeta = {
  id: 'getOpenApi',
  method: 'GET',
  path: '/v1/openapi.json',
  entry: 'functions/platform/openapi.ts',
  auth: 'public',
  action: 'public',
  access: {},
  summary: 'Tài liệu OpenAPI 3.1 / the OpenAPI 3.1 document',
  tags: ['platform'],
  bundle: { kb: 625, reason: ROUTE_REASON }, // 593 KB measured
} as const satisfies RouteMeta;
