import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as webhooks from '../schemas/webhooks';

export const createWebhookSubscriptionContract = {
  id: 'createWebhookSubscription',
  request: { body: webhooks.createSubscription },
  responses: {
    201: {
      description: 'Đã đăng ký, kèm khóa ký / subscribed, with the secret',
      schema: webhooks.subscriptionWithSecret,
    },
    409: {
      description: 'Yêu cầu trùng đang xử lý / same Idempotency-Key in progress',
      schema: common.problem,
    },
    422: {
      description:
        'URL bị chặn (SSRF: quy tắc nêu trong lỗi), cơ quan không có / target refused by the SSRF guard (the rule is named), unknown agency',
      schema: common.problem,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
