import { listWebhookDeliveriesContract } from '../../shared/api/contracts/listWebhookDeliveries';
import { httpHandler } from '../../shared/platform/http';
import { listDeliveries } from '../../shared/usecases/webhook-deliveries';

export const handler = httpHandler(
  listWebhookDeliveriesContract,
  async ({ params, query, principal, annotate }) => {
    annotate({ subscriptionId: params.id });
    return { status: 200, body: await listDeliveries(principal, params.id, query) };
  },
);
