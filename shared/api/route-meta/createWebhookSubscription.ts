/** Route createWebhookSubscription's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const createWebhookSubscriptionMeta = {
  id: 'createWebhookSubscription',
  method: 'POST',
  path: '/v1/webhooks/subscriptions',
  entry: 'functions/webhooks/create.ts',
  auth: 'user',
  action: 'webhooks.manage',
  access: { table: 'readWrite', webhookTargets: true },
  idempotent: true,
  summary:
    'Đăng ký nhận webhook; khóa ký chỉ hiện một lần / subscribe to webhooks; the signing secret is shown once',
  tags: ['webhooks'],
  bundle: { kb: 625, reason: ROUTE_REASON }, // 584 KB measured
} as const satisfies RouteMeta;
