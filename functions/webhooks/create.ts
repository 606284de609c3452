import { createWebhookSubscriptionContract } from '../../shared/api/contracts/createWebhookSubscription';
import { createWebhookSubscriptionMeta } from '../../shared/api/route-meta/createWebhookSubscription';
import { httpHandler } from '../../shared/platform/http';
import { createSubscription } from '../../shared/usecases/webhooks';

export const handler = httpHandler(
  createWebhookSubscriptionMeta,
  createWebhookSubscriptionContract,
  async ({ body, principal, idempotency, annotate }) => {
    const { result } = await createSubscription(principal, body, idempotency);
    annotate({ subscriptionId: result.id });
    return { status: 201, body: result, headers: { location: `/v1/webhooks/subscriptions/${result.id}` } };
  },
);
