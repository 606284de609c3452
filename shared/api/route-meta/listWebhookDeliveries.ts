/** Route listWebhookDeliveries's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const listWebhookDeliveriesMeta = {
  id: 'listWebhookDeliveries',
  method: 'GET',
  path: '/v1/webhooks/subscriptions/{id}/deliveries',
  entry: 'functions/webhooks/list-deliveries.ts',
  auth: 'user',
  action: 'webhooks.read',
  access: { table: 'read' },
  summary:
    'Nhật ký gửi webhook, mới nhất trước, kèm các lần thử (không kèm nội dung) / the delivery log, newest first, with its attempts (never bodies)',
  tags: ['webhooks'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 546 KB measured
} as const satisfies RouteMeta;
