/**
 * A tenant's service-index settings: part of the tenant settings every function reads through the
 * data layer (catalog-model.ts), so apart from the service index's route schemas (service-index.ts)
 * and the reports' (issue 14 §1).
 */
import * as z from 'zod';
import { INDICATOR_KEYS } from '../../domain/reports';

export const serviceIndexSettings = z
  .object({
    targets: z
      .partialRecord(z.enum(INDICATOR_KEYS as [string, ...string[]]), z.number().min(0.01).max(1))
      .optional()
      .describe('Tỷ lệ đạt điểm tối đa theo chỉ tiêu / ratio earning full points, per indicator (default 1)'),
    fairWeight: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Trọng số "Bình thường" / weight of a neutral rating (0.5)'),
  })
  .strict();
