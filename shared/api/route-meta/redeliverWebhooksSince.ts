/** Route redeliverWebhooksSince's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const redeliverWebhooksSinceMeta = {
  id: 'redeliverWebhooksSince',
  method: 'POST',
  path: '/v1/webhooks/subscriptions/{id}/redeliver',
  entry: 'functions/webhooks/redeliver-since.ts',
  auth: 'user',
  action: 'webhooks.manage',
  access: { table: 'readWrite' },
  summary:
    'Gửi lại mọi lần gửi chưa tới nơi từ một thời điểm / redeliver every undelivered (failed, dead, gone, skipped) delivery since an instant',
  tags: ['webhooks'],
  bundle: { kb: 600, reason: ROUTE_REASON }, // 551 KB measured
} as const satisfies RouteMeta;
