import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as common from '../schemas/common';
import * as webhooks from '../schemas/webhooks';

export const rotateWebhookSecretContract = {
  id: 'rotateWebhookSecret',
  request: { params: webhooks.subscriptionParams, body: webhooks.rotateSecret },
  responses: {
    200: { description: 'Khóa ký mới / the new secret', schema: webhooks.subscriptionWithSecret },
    409: { description: 'Phiên bản cũ / stale expectedVersion', schema: common.problem },
    ...problemResponses,
  },
} as const satisfies RouteContract;
