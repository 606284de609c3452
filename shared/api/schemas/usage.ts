/** Usage per tenant and month (issue 10 §4): shared/usecases/usage.ts. */
import * as z from 'zod/mini';
import { USAGE_MONTH_PATTERN } from '../../domain/usage/count';

export const usageQuery = z.strictObject({
  month: z
    .optional(
      z
        .string()
        .check(
          z.maxLength(7, { abort: true }),
          z.regex(USAGE_MONTH_PATTERN, 'tháng dạng yyyy-mm / a month as yyyy-mm'),
        ),
    )
    .check(
      z.describe('Tháng (giờ Việt Nam), mặc định tháng này / the month (Vietnam time), default this month'),
    ),
});

const count = z.number().check(z.int(), z.gte(0));

export const usage = z
  .object({
    tenant: z.string(),
    month: z.string().check(z.describe('yyyy-mm')),
    dossiersReceived: z
      .object({ total: count, counter: count, online: count, postal: count })
      .check(z.describe('Hồ sơ tiếp nhận theo kênh / dossiers received, by channel')),
    actions: count.check(z.describe('Thao tác xử lý hồ sơ / lifecycle actions')),
    attachments: z
      .object({
        bytesStoredAtMonthEnd: count,
        gbMonths: z.number().check(z.gte(0), z.describe('GB-tháng lưu trữ / GB-months stored')),
      })
      .check(z.describe('Tệp đính kèm / attachments stored')),
    webhookDeliveries: z
      .object({ succeeded: count, failed: count })
      .check(z.describe('Gửi webhook / webhook deliveries')),
    notificationsSent: count.check(z.describe('Thông báo đã gửi / notifications sent')),
    apiCalls: count.check(
      z.describe(
        'Lượt gọi API, đếm từ nhật ký truy cập, trễ vài phút (docs/usage.md) / API calls, from the access log, minutes behind',
      ),
    ),
    apiCallsDetail: z
      .object({
        public: count.check(z.describe('Người dân, đường dẫn công khai / applicants, public routes')),
        staff: count.check(z.describe('Cán bộ đăng nhập / signed-in staff')),
        agencySystem: count.check(z.describe('Hệ thống cơ quan / agency systems')),
        clientErrors: count.check(z.describe('Trả lời 4xx / answered 4xx')),
        serverErrors: count.check(z.describe('Trả lời 5xx / answered 5xx')),
      })
      .check(z.describe('Lượt gọi API theo người gọi và lỗi / API calls by caller and by error')),
  })
  .check(z.describe('Mức sử dụng của đơn vị trong tháng / a tenant’s usage in one month'));
