/**
 * A tenant's service-index settings: part of the tenant settings every function reads through the
 * data layer (catalog-model.ts), so apart from the service index's route schemas (service-index.ts)
 * and the reports' (issue 14 §1).
 */
import * as z from 'zod/mini';
import { INDICATOR_KEYS } from '../../domain/reports/indicator-keys';

export const serviceIndexSettings = z.strictObject({
  targets: z
    .optional(z.partialRecord(z.enum(INDICATOR_KEYS), z.number().check(z.gte(0.01), z.lte(1))))
    .check(
      z.describe(
        'Tỷ lệ đạt điểm tối đa theo chỉ tiêu / ratio earning full points, per indicator (default 1)',
      ),
    ),
  fairWeight: z
    .optional(z.number().check(z.gte(0), z.lte(1)))
    .check(z.describe('Trọng số "Bình thường" / weight of a neutral rating (0.5)')),
});
