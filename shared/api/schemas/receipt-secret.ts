/**
 * Schemas of the receipt secret (issue 11 §7): the secret shown once in the submission's answer,
 * and the public routes where an applicant without an account proves they hold the receipt by
 * sending it in the `X-Receipt-Secret` header (never in the URL).
 */
import * as z from 'zod/mini';
import { tenantPath } from './catalog';
import { dossierCode } from './common';
import { dossierView } from './dossier';

/** As printed: two groups of five Crockford base32 characters. */
export const receiptSecret = z
  .string()
  .check(
    z.regex(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/),
    z.describe(
      'Mã bí mật tra cứu, in trên Giấy tiếp nhận (mẫu 01), chỉ hiện một lần trong câu trả lời này: cùng mã hồ sơ, nó cho xem đầy đủ tình trạng, nộp bổ sung, rút hồ sơ mà không cần tài khoản (header X-Receipt-Secret) / ' +
        'the receipt secret printed on form 01 and shown once in this answer: with the dossier code it lets the applicant see the full status, supplement or withdraw without an account (X-Receipt-Secret header)',
    ),
  );

/** The submission's answer: the full view, and the receipt secret, once. */
export const submittedDossierView = z.extend(dossierView, { receiptSecret: z.optional(receiptSecret) });

/** The path of the receipt routes: the tenant and the dossier code, as public tracking has them. */
export const receiptParams = z.extend(tenantPath, { code: dossierCode });

/**
 * The applicant as a receipt holder sees them: the name masked, as public tracking shows it, and
 * none of the contact data. The receipt in their hand carries it; the API need not repeat it to
 * whoever learnt the secret alone.
 */
export const receiptApplicant = z.object({
  kind: z.enum(['citizen', 'organization']),
  name: z.string(),
});

/** What the applicant sees signed in (the full view), without the contact data: see docs/citizens.md. */
export const receiptView = z.extend(dossierView, { applicant: receiptApplicant });
export type ReceiptView = z.infer<typeof receiptView>;
