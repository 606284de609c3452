import { getWebhookSubscriptionContract } from '../../shared/api/contracts/getWebhookSubscription';
import { httpHandler } from '../../shared/platform/http';
import { subscriptionById } from '../../shared/usecases/webhooks';

export const handler = httpHandler(getWebhookSubscriptionContract, async ({ params, principal }) => ({
  status: 200,
  body: await subscriptionById(principal, params.id),
}));
