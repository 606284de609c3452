import { z } from 'zod';

/** QCVN 102:2016 agency code, e.g. `000.00.01.H99`. */
export const agencyCode = z
  .string()
  .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'mã cơ quan dạng NNN.NN.NN.Hxx / agency code NNN.NN.NN.Hxx');

/** National procedure code with an optional provincial suffix, e.g. `1.001193` or `1.000948.H38`. */
export const procedureCode = z
  .string()
  .regex(/^\d\.\d{6}(\.[A-Z0-9]{2,6})?$/, 'mã thủ tục dạng 1.001193 / procedure code like 1.001193');

/** `<receiving agency code>-<YYMMDD>-<4-digit daily sequence>`. */
export const dossierCode = z
  .string()
  .regex(
    /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,}$/,
    'mã hồ sơ dạng <mã cơ quan>-YYMMDD-NNNN / dossier code',
  );

export const tenantId = z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, 'mã tỉnh thuê dịch vụ / tenant id');

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD / date YYYY-MM-DD');
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ dạng HH:mm / time HH:mm');

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problem>;
