import { deleteWebhookSubscriptionContract } from '../../shared/api/contracts/deleteWebhookSubscription';
import { deleteWebhookSubscriptionMeta } from '../../shared/api/route-meta/deleteWebhookSubscription';
import { httpHandler } from '../../shared/platform/http';
import { removeSubscription } from '../../shared/usecases/webhooks';

export const handler = httpHandler(
  deleteWebhookSubscriptionMeta,
  deleteWebhookSubscriptionContract,
  async ({ params, principal, annotate }) => {
    annotate({ subscriptionId: params.id });
    await removeSubscription(principal, params.id);
    return { status: 204, body: undefined };
  },
);
