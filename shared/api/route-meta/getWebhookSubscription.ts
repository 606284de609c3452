/** Route getWebhookSubscription's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const getWebhookSubscriptionMeta = {
  id: 'getWebhookSubscription',
  method: 'GET',
  path: '/v1/webhooks/subscriptions/{id}',
  entry: 'functions/webhooks/get.ts',
  auth: 'user',
  action: 'webhooks.read',
  access: { table: 'read' },
  summary: 'Một đăng ký webhook, không kèm khóa ký / one webhook subscription, never its secret',
  tags: ['webhooks'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 517 KB measured
} as const satisfies RouteMeta;
