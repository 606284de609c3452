/** The report API (issue 12 §5, JSON): shared/usecases/reports.ts. */
import * as z from 'zod/mini';
import { FIGURE_KEYS, FIGURES, PERIOD_LEVELS, PERIOD_PATTERNS, type PeriodLevel } from '../../domain/reports';
import { pageCursor, nextCursor } from './page';
import { agencyCode, procedureCode, singleLine } from './common';

/**
 * The longest range a request may ask for, per level: the report reads one counter per cell and
 * period, so the range bounds what one answer costs (a year of days, ten years of months…).
 */
export const MAX_PERIODS: Record<PeriodLevel, number> = { day: 366, month: 120, quarter: 40, year: 20 };

/**
 * A report page's position: how many rows (cells sorted, then periods in order) earlier pages held.
 * Rows are assembled from counters on every page, so a cell that appears between two pages can
 * shift the list by a row: a report read page by page while dossiers move is as of each page.
 */
export const REPORT_ROW_POSITION = z.string().check(z.regex(/^[1-9]\d{0,6}$/));

/** Any level's period form; the level's own form is checked against `period` below. */
const PERIOD_ANY = /^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/;

/** A period range's checks, shared by every report query: both ends of the level's form, in order. */
export function checkPeriodRange(
  q: { period: PeriodLevel; from: string; to: string },
  ctx: z.core.$RefinementCtx,
): void {
  for (const key of ['from', 'to'] as const)
    if (!PERIOD_PATTERNS[q.period].test(q[key]))
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `Không đúng dạng kỳ ${q.period} / not a ${q.period} period`,
      });
  if (q.from > q.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'Kỳ cuối trước kỳ đầu / `to` is before `from`' });
}

export const reportQuery = z
  .strictObject({
    period: z
      .enum(PERIOD_LEVELS)
      .check(z.describe('Kỳ báo cáo / the period level: day, month, quarter, year')),
    from: z
      .string()
      .check(
        z.maxLength(10),
        z.regex(PERIOD_ANY),
        z.describe('Kỳ đầu / first period: 2026-03-02, 2026-03, 2026-Q1 or 2026'),
      ),
    to: z
      .string()
      .check(
        z.maxLength(10),
        z.regex(PERIOD_ANY),
        z.describe('Kỳ cuối (gồm) / last period, included, same form as `from`'),
      ),
    agency: z
      .optional(agencyCode)
      .check(z.describe('Chỉ cơ quan giải quyết này / only this competent agency')),
    field: z
      .optional(singleLine(200).check(z.minLength(1)))
      .check(z.describe('Chỉ lĩnh vực này / only this field')),
    procedure: z.optional(procedureCode).check(z.describe('Chỉ thủ tục này / only this procedure')),
    limit: z
      ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 500)
      .check(z.describe('Số dòng tối đa một trang / rows per page (totals are always the whole report’s)')),
    cursor: pageCursor('report', REPORT_ROW_POSITION),
  })
  .check(z.superRefine(checkPeriodRange));

export const figures = z
  .object(
    Object.fromEntries(
      FIGURE_KEYS.map((f) => [
        f,
        z.number().check(z.int(), z.describe(`${FIGURES[f].vi} / ${FIGURES[f].en}`)),
      ]),
    ) as Record<(typeof FIGURE_KEYS)[number], z.ZodMiniNumber>,
  )
  .check(
    z.describe(
      'Các chỉ tiêu; luôn có: resolvedEarly + resolvedOnTime + resolvedLate + refused + withdrawn + pending = carriedOver + received',
    ),
  );

export const reportRow = z.object({
  agency: z.string().check(z.describe('Cơ quan giải quyết / the competent agency')),
  field: z.string(),
  procedure: z.string(),
  period: z.string(),
  figures,
});

export const report = z.object({
  period: z.enum(PERIOD_LEVELS),
  from: z.string(),
  to: z.string(),
  periods: z.array(z.string()).check(z.describe('Every period of the range, in order')),
  items: z.array(reportRow).check(z.describe('One row per cell and period with any non-zero figure')),
  totals: z.array(z.object({ period: z.string(), figures })).check(z.describe('Per period, over the rows')),
  nextCursor,
  readUnits: z
    .number()
    .check(z.describe('DynamoDB read units the answer cost: counters only, whatever the number of dossiers')),
});
