/** Route listWebhookSubscriptions's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const listWebhookSubscriptionsMeta = {
  id: 'listWebhookSubscriptions',
  method: 'GET',
  path: '/v1/webhooks/subscriptions',
  entry: 'functions/webhooks/list.ts',
  auth: 'user',
  action: 'webhooks.read',
  access: { table: 'read' },
  summary:
    'Các đăng ký webhook: cả tỉnh (quản trị) hoặc của cơ quan mình / webhook subscriptions: the tenant’s or the own agency’s',
  tags: ['webhooks'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 529 KB measured
} as const satisfies RouteMeta;
