import { listWebhookNoticesContract } from '../../shared/api/contracts/listWebhookNotices';
import { httpHandler } from '../../shared/platform/http';
import { listNotices } from '../../shared/usecases/webhook-notices';

export const handler = httpHandler(listWebhookNoticesContract, async ({ query, principal }) => ({
  status: 200,
  body: await listNotices(principal, query),
}));
