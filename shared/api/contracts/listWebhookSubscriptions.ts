import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as webhooks from '../schemas/webhooks';

export const listWebhookSubscriptionsContract = {
  id: 'listWebhookSubscriptions',
  request: { query: webhooks.subscriptionListQuery },
  responses: {
    200: { description: 'Đăng ký webhook', schema: webhooks.subscriptionList },
    ...problemResponses,
  },
} as const satisfies RouteContract;
