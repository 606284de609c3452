/** The service index (issue 12 §4), the XLSX export and the monthly summary per agency (§5). */
import * as z from 'zod';
import {
  INDICATOR_KEYS,
  PERIOD_PATTERNS,
  SERVICE_INDEX_GROUP_KEYS,
  SERVICE_INDEX_INPUT_KEYS,
  SERVICE_INDEX_INPUTS,
} from '../../domain/reports';
import { agencyCode, singleLine } from './common';
import { checkPeriodRange, figures } from './reports';
import { serviceIndexSettings } from './service-index-settings';

export { serviceIndexSettings } from './service-index-settings';

const INDEX_LEVELS = ['month', 'quarter', 'year'] as const;
const PERIOD_ANY = /^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/;
const periodOf = z.string().max(10).regex(PERIOD_ANY);

/** `period` names the level, `from` one period of it. */
const indexPeriod = {
  period: z.enum(INDEX_LEVELS).describe('Kỳ / period level: month, quarter, year'),
  from: periodOf.describe('Kỳ / the period: 2026, 2026-Q1 or 2026-03'),
};
const checkLevel = (q: { period: (typeof INDEX_LEVELS)[number]; from: string }, ctx: z.RefinementCtx) => {
  if (!PERIOD_PATTERNS[q.period].test(q.from))
    ctx.addIssue({
      code: 'custom',
      path: ['from'],
      message: `Không đúng dạng kỳ ${q.period} / not a ${q.period} period`,
    });
};

export const serviceIndexQuery = z.object(indexPeriod).strict().superRefine(checkLevel);

export const serviceIndexInputValues = z
  .object(
    Object.fromEntries(
      SERVICE_INDEX_INPUT_KEYS.map((k) => [
        k,
        z
          .number()
          .int()
          .min(0)
          .max(100_000_000)
          .optional()
          .describe(`${SERVICE_INDEX_INPUTS[k].vi} / ${SERVICE_INDEX_INPUTS[k].en}`),
      ]),
    ) as Record<(typeof SERVICE_INDEX_INPUT_KEYS)[number], z.ZodOptional<z.ZodNumber>>,
  )
  .strict();

export const serviceIndexInputsBody = z
  .object({
    ...indexPeriod,
    inputs: serviceIndexInputValues.describe(
      'Số liệu hệ thống không có; bỏ trống = chưa nhập / counts the system does not hold',
    ),
    source: z
      .object({
        documentRef: singleLine(200)
          .min(1)
          .describe(
            'Văn bản, nguồn số liệu / the document the counts come from (e.g. "Báo cáo số 12/BC-VP")',
          ),
        note: singleLine(1000).optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine(checkLevel);

export const serviceIndexInputsView = z.object({
  period: z.enum(INDEX_LEVELS),
  from: z.string(),
  inputs: serviceIndexInputValues,
  source: z.object({
    documentRef: z.string(),
    note: z.string().optional(),
    enteredBy: z.string().describe('Người nhập / who entered them (username)'),
    enteredAt: z.string().describe('Thời điểm nhập (ISO 8601, UTC) / when, ISO 8601'),
  }),
});

const indicatorScore = z.object({
  key: z.enum(INDICATOR_KEYS as [string, ...string[]]),
  name: z.string(),
  max: z.number(),
  ratio: z.number().nullable(),
  target: z.number(),
  points: z.number(),
  approximate: z
    .boolean()
    .describe('Số liệu hệ thống thay thế gần đúng / the system’s figure approximates it'),
  missing: z.array(z.string()).describe('Chưa có số liệu: 0 điểm / not entered, scored 0'),
});

export const serviceIndexView = z.object({
  period: z.enum(INDEX_LEVELS),
  from: z.string(),
  total: z.number(),
  max: z.literal(100),
  groups: z.array(
    z.object({
      group: z.enum(SERVICE_INDEX_GROUP_KEYS as [string, ...string[]]),
      name: z.string(),
      max: z.number(),
      points: z.number(),
      indicators: z.array(indicatorScore),
    }),
  ),
  figures: figures.describe('Tổng số liệu của kỳ / the period’s totals'),
  catalog: z.object({ procedures: z.number().int(), proceduresFullyOnline: z.number().int() }),
  inputs: serviceIndexInputsView
    .nullable()
    .describe('Số liệu tỉnh nhập, null khi chưa nhập / null when none entered'),
  settings: serviceIndexSettings,
  readUnits: z.number(),
});

export const reportExportQuery = z
  .object({
    period: z.enum(['day', 'month', 'quarter', 'year']).describe('Kỳ / period level'),
    from: periodOf.describe('Kỳ đầu / first period'),
    to: periodOf.describe('Kỳ cuối (gồm) / last period, included'),
    agency: agencyCode.optional().describe('Chỉ cơ quan này / only this agency'),
  })
  .strict()
  .superRefine(checkPeriodRange);

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const xlsxDocument = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array && value.length > 0, 'XLSX bytes')
  .meta({ type: 'string', format: 'binary', description: 'Tệp Excel (XLSX) / an XLSX workbook' });

export const agencyMonthQuery = z
  .object({
    month: z.string().max(7).regex(PERIOD_PATTERNS.month).describe('Tháng / the month: 2026-03'),
    agency: agencyCode.optional().describe('Chỉ cơ quan này / only this agency'),
  })
  .strict();

export const agencyMonthSummary = z.object({
  agency: z.string(),
  name: z.string().describe('Tên cơ quan / the agency’s name'),
  month: z.string(),
  received: z.number().int().describe('Tiếp nhận / received'),
  resolved: z.number().int().describe('Đã giải quyết / resolved'),
  onTimePercent: z
    .number()
    .nullable()
    .describe('Tỷ lệ trước hạn, đúng hạn (%) / early or on time, % of resolved'),
  resolvedLate: z.number().int().describe('Giải quyết quá hạn / resolved late'),
  pendingOverdue: z.number().int().describe('Đang quá hạn cuối tháng / pending overdue at month end'),
  apologies: z.number().int().describe('Văn bản xin lỗi / apologies'),
  evaluations: z.number().int().describe('Lượt đánh giá / ratings'),
  satisfiedPercent: z.number().nullable().describe('Hài lòng, rất hài lòng (%) / satisfied, % of ratings'),
});

export const agencyMonthView = z.object({
  month: z.string(),
  items: z.array(agencyMonthSummary),
  readUnits: z.number(),
});
