/** Usage per tenant and month (issue 10 §4): shared/usecases/usage.ts. */
import * as z from 'zod';
import { USAGE_MONTH_PATTERN } from '../../domain/usage/count';

export const usageQuery = z
  .object({
    month: z
      .string()
      .max(7, { abort: true })
      .regex(USAGE_MONTH_PATTERN, 'tháng dạng yyyy-mm / a month as yyyy-mm')
      .optional()
      .describe('Tháng (giờ Việt Nam), mặc định tháng này / the month (Vietnam time), default this month'),
  })
  .strict();

const count = z.number().int().min(0);

export const usage = z
  .object({
    tenant: z.string(),
    month: z.string().describe('yyyy-mm'),
    dossiersReceived: z
      .object({ total: count, counter: count, online: count, postal: count })
      .describe('Hồ sơ tiếp nhận theo kênh / dossiers received, by channel'),
    actions: count.describe('Thao tác xử lý hồ sơ / lifecycle actions'),
    attachments: z
      .object({
        bytesStoredAtMonthEnd: count,
        gbMonths: z.number().min(0).describe('GB-tháng lưu trữ / GB-months stored'),
      })
      .describe('Tệp đính kèm / attachments stored'),
    webhookDeliveries: z
      .object({ succeeded: count, failed: count })
      .describe('Gửi webhook / webhook deliveries'),
    notificationsSent: count.describe('Thông báo đã gửi / notifications sent'),
    apiCalls: count.describe(
      'Lượt gọi API, đếm từ nhật ký truy cập, trễ vài phút (docs/usage.md) / API calls, from the access log, minutes behind',
    ),
    apiCallsDetail: z
      .object({
        public: count.describe('Người dân, đường dẫn công khai / applicants, public routes'),
        staff: count.describe('Cán bộ đăng nhập / signed-in staff'),
        agencySystem: count.describe('Hệ thống cơ quan / agency systems'),
        clientErrors: count.describe('Trả lời 4xx / answered 4xx'),
        serverErrors: count.describe('Trả lời 5xx / answered 5xx'),
      })
      .describe('Lượt gọi API theo người gọi và lỗi / API calls by caller and by error'),
  })
  .describe('Mức sử dụng của đơn vị trong tháng / a tenant’s usage in one month');
