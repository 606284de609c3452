import { updateWebhookSubscriptionContract } from '../../shared/api/contracts/updateWebhookSubscription';
import { updateWebhookSubscriptionMeta } from '../../shared/api/route-meta/updateWebhookSubscription';
import { httpHandler } from '../../shared/platform/http';
import { updateSubscription } from '../../shared/usecases/webhooks';

export const handler = httpHandler(
  updateWebhookSubscriptionMeta,
  updateWebhookSubscriptionContract,
  async ({ params, body, principal, annotate }) => {
    annotate({ subscriptionId: params.id });
    return { status: 200, body: await updateSubscription(principal, params.id, body) };
  },
);
