import { listWebhookSubscriptionsContract } from '../../shared/api/contracts/listWebhookSubscriptions';
import { listWebhookSubscriptionsMeta } from '../../shared/api/route-meta/listWebhookSubscriptions';
import { httpHandler } from '../../shared/platform/http';
import { listSubscriptions } from '../../shared/usecases/webhooks';

export const handler = httpHandler(
  listWebhookSubscriptionsMeta,
  listWebhookSubscriptionsContract,
  async ({ query, principal }) => ({
    status: 200,
    body: await listSubscriptions(principal, query),
  }),
);
