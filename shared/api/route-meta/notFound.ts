/** Route notFound's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const notFoundMeta = {
  id: 'notFound',
  method: 'GET',
  path: '$default',
  entry: 'functions/platform/not-found.ts',
  auth: 'public',
  action: 'public',
  access: {},
  summary: 'Mọi đường dẫn không có: 404 problem+json / any unknown route',
  tags: ['platform'],
  bundle: { kb: 475, reason: ROUTE_REASON }, // 432 KB measured
} as const satisfies RouteMeta;
