/**
 * The applicant as a submission names them and a dossier's view shows them: apart from dossier.ts
 * so that the submission's schemas (./submission.ts) and the views' share it without a cycle.
 */
import * as z from 'zod/mini';
import { singleLine } from './common';

export const CHANNELS = ['counter', 'online', 'postal'] as const;
export const applicant = z.object({
  kind: z._default(z.enum(['citizen', 'organization']), 'citizen'),
  name: singleLine(200).check(z.minLength(1)),
  /** Citizen ID (CCCD, 12 digits; old CMND 9 digits) or, for organisations, the tax code (10 or 10-3 digits). */
  idNumber: z
    .string()
    .check(
      z.maxLength(14),
      z.regex(/^(\d{9}|\d{12}|\d{10}(-\d{3})?)$/, 'số CCCD 12 số hoặc mã số thuế / 12-digit ID or tax code'),
    ),
  phone: z
    .string()
    .check(
      z.maxLength(13),
      z.regex(/^(\+84|0)\d{9,10}$/, 'số điện thoại Việt Nam / Vietnamese phone number'),
    ),
  email: z.optional(z.email('email không hợp lệ / invalid email').check(z.maxLength(254))),
  address: singleLine(500).check(z.minLength(1)),
  organizationName: z.optional(singleLine(300).check(z.minLength(1))),
  notify: z
    .optional(
      z.object({
        email: z
          .optional(z.boolean())
          .check(
            z.describe('Đồng ý nhận thông báo qua e-mail (cần có email) / agrees to e-mail notifications'),
          ),
        sms: z
          .optional(z.boolean())
          .check(z.describe('Đồng ý nhận thông báo qua SMS / agrees to SMS notifications')),
      }),
    )
    .check(
      z.describe(
        'Sự đồng ý của người nộp nhận thông báo về hồ sơ (tiếp nhận, bổ sung, có kết quả, xin lỗi, trả kết quả), theo từng kênh; ' +
          "không có: không gửi / the applicant's consent to notifications, per channel; absent: none is sent",
      ),
    ),
});
export type Applicant = z.infer<typeof applicant>;
