import { listWebhookNoticesContract } from '../../shared/api/contracts/listWebhookNotices';
import { listWebhookNoticesMeta } from '../../shared/api/route-meta/listWebhookNotices';
import { httpHandler } from '../../shared/platform/http';
import { listNotices } from '../../shared/usecases/webhook-notices';

export const handler = httpHandler(
  listWebhookNoticesMeta,
  listWebhookNoticesContract,
  async ({ query, principal }) => ({
    status: 200,
    body: await listNotices(principal, query),
  }),
);
