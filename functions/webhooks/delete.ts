import { deleteWebhookSubscriptionContract } from '../../shared/api/contracts/deleteWebhookSubscription';
import { httpHandler } from '../../shared/platform/http';
import { removeSubscription } from '../../shared/usecases/webhooks';

export const handler = httpHandler(
  deleteWebhookSubscriptionContract,
  async ({ params, principal, annotate }) => {
    annotate({ subscriptionId: params.id });
    await removeSubscription(principal, params.id);
    return { status: 204, body: undefined };
  },
);
