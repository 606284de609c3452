import { httpHandler } from '../../shared/platform/http';
import { listSubscriptions } from '../../shared/usecases/webhooks';

export const handler = httpHandler('listWebhookSubscriptions', async ({ query, principal }) => ({
  status: 200,
  body: await listSubscriptions(principal, query),
}));
