import { listWebhookSubscriptionsContract } from '../../shared/api/contracts/listWebhookSubscriptions';
import { httpHandler } from '../../shared/platform/http';
import { listSubscriptions } from '../../shared/usecases/webhooks';

export const handler = httpHandler(listWebhookSubscriptionsContract, async ({ query, principal }) => ({
  status: 200,
  body: await listSubscriptions(principal, query),
}));
