import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as webhooks from '../schemas/webhooks';
import * as deliveries from '../schemas/webhook-deliveries';

export const redeliverWebhooksSinceContract = {
  id: 'redeliverWebhooksSince',
  request: { params: webhooks.subscriptionParams, body: deliveries.redeliverSince },
  responses: {
    202: {
      description: 'Số lần gửi được xếp lại / how many were queued again',
      schema: deliveries.redeliveriesAccepted,
    },
    ...problemResponses,
  },
} as const satisfies RouteContract;
