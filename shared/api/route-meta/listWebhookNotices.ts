/** Route listWebhookNotices's metadata: how to add a route, shared/api/route-meta.ts. */
import { ROUTE_REASON } from '../bundle-budgets';
import type { RouteMeta } from '../route-meta';

export const listWebhookNoticesMeta = {
  id: 'listWebhookNotices',
  method: 'GET',
  path: '/v1/webhooks/notices',
  entry: 'functions/webhooks/list-notices.ts',
  auth: 'user',
  action: 'webhooks.read',
  access: { table: 'read' },
  summary:
    'Thông báo webhook lỗi (lần gửi bị bỏ, đăng ký bị tắt tự động), mới nhất trước / what failed: deliveries given up and subscriptions disabled automatically, newest first',
  tags: ['webhooks'],
  bundle: { kb: 550, reason: ROUTE_REASON }, // 522 KB measured
} as const satisfies RouteMeta;
