import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as webhooks from '../schemas/webhooks';

export const getWebhookSubscriptionContract = {
  id: 'getWebhookSubscription',
  request: { params: webhooks.subscriptionParams },
  responses: {
    200: { description: 'Đăng ký webhook', schema: webhooks.subscriptionView },
    ...problemResponses,
  },
} as const satisfies RouteContract;
