import { getWebhookSubscriptionContract } from '../../shared/api/contracts/getWebhookSubscription';
import { getWebhookSubscriptionMeta } from '../../shared/api/route-meta/getWebhookSubscription';
import { httpHandler } from '../../shared/platform/http';
import { subscriptionById } from '../../shared/usecases/webhooks';

export const handler = httpHandler(
  getWebhookSubscriptionMeta,
  getWebhookSubscriptionContract,
  async ({ params, principal }) => ({
    status: 200,
    body: await subscriptionById(principal, params.id),
  }),
);
