/** Route deleteWebhookSubscription's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const deleteWebhookSubscriptionMeta = {
  id: 'deleteWebhookSubscription',
  method: 'DELETE',
  path: '/v1/webhooks/subscriptions/{id}',
  entry: 'functions/webhooks/delete.ts',
  auth: 'user',
  action: 'webhooks.manage',
  access: { table: 'readWrite' },
  summary: 'Xóa đăng ký webhook / delete a webhook subscription',
  tags: ['webhooks'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 516 KB measured
} as const satisfies RouteMeta;
