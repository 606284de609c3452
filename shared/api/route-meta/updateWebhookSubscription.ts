/** Route updateWebhookSubscription's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const updateWebhookSubscriptionMeta = {
  id: 'updateWebhookSubscription',
  method: 'PATCH',
  path: '/v1/webhooks/subscriptions/{id}',
  entry: 'functions/webhooks/update.ts',
  auth: 'user',
  action: 'webhooks.manage',
  access: { table: 'readWrite', webhookTargets: true },
  summary:
    'Sửa URL, loại sự kiện, bật/tắt, mô tả (khóa lạc quan expectedVersion) / change url, event types, enabled, description (optimistic locking by expectedVersion)',
  tags: ['webhooks'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 535 KB measured
} as const satisfies RouteMeta;
