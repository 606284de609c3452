import { httpHandler } from '../../shared/platform/http';
import { subscriptionById } from '../../shared/usecases/webhooks';

export const handler = httpHandler('getWebhookSubscription', async ({ params, principal }) => ({
  status: 200,
  body: await subscriptionById(principal, params.id),
}));
