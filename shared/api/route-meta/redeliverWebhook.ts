/** Route redeliverWebhook's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const redeliverWebhookMeta = {
  id: 'redeliverWebhook',
  method: 'POST',
  path: '/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}/redeliver',
  entry: 'functions/webhooks/redeliver.ts',
  auth: 'user',
  action: 'webhooks.manage',
  access: { table: 'readWrite' },
  summary:
    'Gửi lại một sự kiện (lịch thử lại bắt đầu lại, cùng webhook-id) / redeliver one event (the schedule restarts, same webhook-id)',
  tags: ['webhooks'],
  bundle: { kb: 575, reason: ROUTE_REASON }, // 550 KB measured
} as const satisfies RouteMeta;
