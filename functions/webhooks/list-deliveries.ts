import { listWebhookDeliveriesContract } from '../../shared/api/contracts/listWebhookDeliveries';
import { listWebhookDeliveriesMeta } from '../../shared/api/route-meta/listWebhookDeliveries';
import { httpHandler } from '../../shared/platform/http';
import { listDeliveries } from '../../shared/usecases/webhook-deliveries';

export const handler = httpHandler(
  listWebhookDeliveriesMeta,
  listWebhookDeliveriesContract,
  async ({ params, query, principal, annotate }) => {
    annotate({ subscriptionId: params.id });
    return { status: 200, body: await listDeliveries(principal, params.id, query) };
  },
);
