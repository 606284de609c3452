/** What failed for the tenant's webhooks: the notices list (shared/usecases/webhook-notices.ts). */
import * as z from 'zod/mini';
import { DISABLED_REASONS, NOTICE_ID_PATTERN, NOTICE_KINDS } from '../../domain/webhooks/notice';
import { calendarDateTime } from './common';
import { nextCursor, pageQuery } from './page';
import { subscriptionId } from './webhooks';
import { deliveryId } from './webhook-deliveries';

/** A page position: the notice's UTC instant and id, as the list's sort key holds them. */
export const noticePosition = z.string().check(
  z.maxLength(120, { abort: true }),
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#/),
  z.refine((p) => NOTICE_ID_PATTERN.test(p.slice(25))),
);

export const noticeListQuery = z.strictObject({
  since: z
    .optional(calendarDateTime)
    .check(z.describe('Chỉ các thông báo từ lúc này / only notices at or after this instant')),
  ...pageQuery('webhookNotices', noticePosition),
});

export const noticeView = z.object({
  id: z
    .string()
    .check(z.describe('Mã thông báo, cố định cho mỗi sự việc / notice id, the same for the same occurrence')),
  kind: z
    .enum(NOTICE_KINDS)
    .check(
      z.describe(
        'delivery-dead: một lần gửi bị bỏ sau lần thử cuối; subscription-disabled: đăng ký bị hệ thống tắt / a delivery given up after its last attempt; a subscription the service disabled',
      ),
    ),
  at: z.string().check(z.describe('Lúc xảy ra / when, ISO 8601')),
  subscriptionId,
  deliveryId: z.optional(deliveryId).check(z.describe('delivery-dead: the delivery, in the delivery log')),
  eventType: z.optional(z.string()).check(z.describe('delivery-dead: the event type')),
  dossierCode: z.optional(z.string()).check(z.describe('delivery-dead: mã hồ sơ / the dossier code')),
  attempts: z.optional(z.number().check(z.int())).check(z.describe('delivery-dead: attempts made')),
  lastError: z
    .optional(z.string())
    .check(
      z.describe(
        'delivery-dead: lỗi lần thử cuối / the last error class (http-500, timeout, target-refused:<rule> …)',
      ),
    ),
  reason: z
    .optional(z.enum(DISABLED_REASONS))
    .check(
      z.describe(
        'subscription-disabled: gone (410 Gone) hoặc failing (lỗi liên tục 5 ngày) / gone (410) or failing (failing five days)',
      ),
    ),
  since: z
    .optional(z.string())
    .check(
      z.describe(
        'subscription-disabled: lúc 410 hoặc lần lỗi đầu / the 410, or the first failure of the run',
      ),
    ),
});
export type NoticeView = z.infer<typeof noticeView>;

export const noticeList = z.object({ items: z.array(noticeView), nextCursor });
