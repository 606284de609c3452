/** Route rotateWebhookSecret's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const rotateWebhookSecretMeta = {
  id: 'rotateWebhookSecret',
  method: 'POST',
  path: '/v1/webhooks/subscriptions/{id}/rotate-secret',
  entry: 'functions/webhooks/rotate-secret.ts',
  auth: 'user',
  action: 'webhooks.manage',
  access: { table: 'readWrite' },
  summary:
    'Đổi khóa ký: khóa mới hiện một lần, khóa cũ còn ký trong thời gian chuyển tiếp / rotate the secret: the new one is shown once, the old one keeps signing for the grace period',
  tags: ['webhooks'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 519 KB measured
} as const satisfies RouteMeta;
