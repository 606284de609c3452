import { redeliverWebhooksSinceContract } from '../../shared/api/contracts/redeliverWebhooksSince';
import { redeliverWebhooksSinceMeta } from '../../shared/api/route-meta/redeliverWebhooksSince';
import { httpHandler } from '../../shared/platform/http';
import { redeliverSince } from '../../shared/usecases/webhook-deliveries';

export const handler = httpHandler(
  redeliverWebhooksSinceMeta,
  redeliverWebhooksSinceContract,
  async ({ params, body, principal, annotate }) => {
    annotate({ subscriptionId: params.id });
    return { status: 202, body: await redeliverSince(principal, params.id, body.since) };
  },
);
