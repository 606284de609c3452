import { httpHandler } from '../../shared/platform/http';
import { redeliverSince } from '../../shared/usecases/webhook-deliveries';

export const handler = httpHandler(
  'redeliverWebhooksSince',
  async ({ params, body, principal, annotate }) => {
    annotate({ subscriptionId: params.id });
    return { status: 202, body: await redeliverSince(principal, params.id, body.since) };
  },
);
