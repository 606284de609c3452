import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as webhooks from '../schemas/webhooks';
import * as deliveries from '../schemas/webhook-deliveries';

export const listWebhookDeliveriesContract = {
  id: 'listWebhookDeliveries',
  request: { params: webhooks.subscriptionParams, query: deliveries.deliveryListQuery },
  responses: {
    200: { description: 'Các lần gửi / deliveries', schema: deliveries.deliveryList },
    ...problemResponses,
  },
} as const satisfies RouteContract;
