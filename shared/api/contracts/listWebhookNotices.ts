import type { RouteContract } from './contract';
import { problemResponses } from './problem-responses';
import * as notices from '../schemas/webhook-notices';

export const listWebhookNoticesContract = {
  id: 'listWebhookNotices',
  request: { query: notices.noticeListQuery },
  responses: {
    200: { description: 'Các thông báo / notices', schema: notices.noticeList },
    ...problemResponses,
  },
} as const satisfies RouteContract;
