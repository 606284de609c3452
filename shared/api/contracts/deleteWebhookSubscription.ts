import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as webhooks from '../schemas/webhooks';

export const deleteWebhookSubscriptionContract = {
  id: 'deleteWebhookSubscription',
  request: { params: webhooks.subscriptionParams },
  responses: { 204: { description: 'Đã xóa / deleted' }, ...problemResponses },
} as const satisfies RouteContract;
