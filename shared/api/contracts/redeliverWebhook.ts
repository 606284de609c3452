import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as deliveries from '../schemas/webhook-deliveries';

export const redeliverWebhookContract = {
  id: 'redeliverWebhook',
  request: { params: deliveries.deliveryParams },
  responses: {
    202: { description: 'Đã xếp hàng gửi lại / queued again', schema: deliveries.redeliveryAccepted },
    ...problemResponses,
  },
} as const satisfies RouteContract;
