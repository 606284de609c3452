import { rotateWebhookSecretContract } from '../../shared/api/contracts/rotateWebhookSecret';
import { rotateWebhookSecretMeta } from '../../shared/api/route-meta/rotateWebhookSecret';
import { httpHandler } from '../../shared/platform/http';
import { rotateSubscriptionSecret } from '../../shared/usecases/webhooks';

export const handler = httpHandler(
  rotateWebhookSecretMeta,
  rotateWebhookSecretContract,
  async ({ params, body, principal, annotate }) => {
    annotate({ subscriptionId: params.id });
    return { status: 200, body: await rotateSubscriptionSecret(principal, params.id, body) };
  },
);
