import { redeliverWebhookContract } from '../../shared/api/contracts/redeliverWebhook';
import { redeliverWebhookMeta } from '../../shared/api/route-meta/redeliverWebhook';
import { httpHandler } from '../../shared/platform/http';
import { redeliverOne } from '../../shared/usecases/webhook-deliveries';

export const handler = httpHandler(
  redeliverWebhookMeta,
  redeliverWebhookContract,
  async ({ params, principal, annotate }) => {
    annotate({ subscriptionId: params.id, deliveryId: params.deliveryId });
    return { status: 202, body: await redeliverOne(principal, params.id, params.deliveryId) };
  },
);
