import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as webhooks from '../schemas/webhooks';

export const updateWebhookSubscriptionContract = {
  id: 'updateWebhookSubscription',
  request: { params: webhooks.subscriptionParams, body: webhooks.updateSubscription },
  responses: {
    200: { description: 'Đăng ký sau khi sửa', schema: webhooks.subscriptionView },
    409: { description: 'Phiên bản cũ / stale expectedVersion', schema: common.problem },
    422: { description: 'URL bị chặn (SSRF) / target refused by the SSRF guard', schema: common.problem },
    ...problemResponses,
  },
} as const satisfies RouteContract;
