/** The service index (issue 12 §4), the XLSX export and the monthly summary per agency (§5). */
import * as z from 'zod/mini';
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
const periodOf = z.string().check(z.maxLength(10), z.regex(PERIOD_ANY));

/** `period` names the level, `from` one period of it. */
const indexPeriod = {
  period: z.enum(INDEX_LEVELS).check(z.describe('Kỳ / period level: month, quarter, year')),
  from: periodOf.check(z.describe('Kỳ / the period: 2026, 2026-Q1 or 2026-03')),
};
const checkLevel = (
  q: { period: (typeof INDEX_LEVELS)[number]; from: string },
  ctx: z.core.$RefinementCtx,
) => {
  if (!PERIOD_PATTERNS[q.period].test(q.from))
    ctx.addIssue({
      code: 'custom',
      path: ['from'],
      message: `Không đúng dạng kỳ ${q.period} / not a ${q.period} period`,
    });
};

export const serviceIndexQuery = z.strictObject(indexPeriod).check(z.superRefine(checkLevel));

export const serviceIndexInputValues = z.strictObject(
  Object.fromEntries(
    SERVICE_INDEX_INPUT_KEYS.map((k) => [
      k,
      z
        .optional(z.number().check(z.int(), z.gte(0), z.lte(100_000_000)))
        .check(z.describe(`${SERVICE_INDEX_INPUTS[k].vi} / ${SERVICE_INDEX_INPUTS[k].en}`)),
    ]),
  ) as Record<(typeof SERVICE_INDEX_INPUT_KEYS)[number], z.ZodMiniOptional<z.ZodMiniNumber>>,
);

export const serviceIndexInputsBody = z
  .strictObject({
    ...indexPeriod,
    inputs: serviceIndexInputValues.check(
      z.describe('Số liệu hệ thống không có; bỏ trống = chưa nhập / counts the system does not hold'),
    ),
    source: z.strictObject({
      documentRef: singleLine(200).check(
        z.minLength(1),
        z.describe('Văn bản, nguồn số liệu / the document the counts come from (e.g. "Báo cáo số 12/BC-VP")'),
      ),
      note: z.optional(singleLine(1000)),
    }),
  })
  .check(z.superRefine(checkLevel));

export const serviceIndexInputsView = z.object({
  period: z.enum(INDEX_LEVELS),
  from: z.string(),
  inputs: serviceIndexInputValues,
  source: z.object({
    documentRef: z.string(),
    note: z.optional(z.string()),
    enteredBy: z.string().check(z.describe('Người nhập / who entered them (username)')),
    enteredAt: z.string().check(z.describe('Thời điểm nhập (ISO 8601, UTC) / when, ISO 8601')),
  }),
});

const indicatorScore = z.object({
  key: z.enum(INDICATOR_KEYS),
  name: z.string(),
  max: z.number(),
  ratio: z.nullable(z.number()),
  target: z.number(),
  points: z.number(),
  approximate: z
    .boolean()
    .check(z.describe('Số liệu hệ thống thay thế gần đúng / the system’s figure approximates it')),
  missing: z.array(z.string()).check(z.describe('Chưa có số liệu: 0 điểm / not entered, scored 0')),
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
  figures: figures.check(z.describe('Tổng số liệu của kỳ / the period’s totals')),
  catalog: z.object({
    procedures: z.number().check(z.int()),
    proceduresFullyOnline: z.number().check(z.int()),
  }),
  inputs: z
    .nullable(serviceIndexInputsView)
    .check(z.describe('Số liệu tỉnh nhập, null khi chưa nhập / null when none entered')),
  settings: serviceIndexSettings,
  readUnits: z.number(),
});

export const reportExportQuery = z
  .strictObject({
    period: z.enum(['day', 'month', 'quarter', 'year']).check(z.describe('Kỳ / period level')),
    from: periodOf.check(z.describe('Kỳ đầu / first period')),
    to: periodOf.check(z.describe('Kỳ cuối (gồm) / last period, included')),
    agency: z.optional(agencyCode).check(z.describe('Chỉ cơ quan này / only this agency')),
  })
  .check(z.superRefine(checkPeriodRange));

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const xlsxDocument = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array && value.length > 0, 'XLSX bytes')
  .check(z.meta({ type: 'string', format: 'binary', description: 'Tệp Excel (XLSX) / an XLSX workbook' }));

export const agencyMonthQuery = z.strictObject({
  month: z
    .string()
    .check(z.maxLength(7), z.regex(PERIOD_PATTERNS.month), z.describe('Tháng / the month: 2026-03')),
  agency: z.optional(agencyCode).check(z.describe('Chỉ cơ quan này / only this agency')),
});

export const agencyMonthSummary = z.object({
  agency: z.string(),
  name: z.string().check(z.describe('Tên cơ quan / the agency’s name')),
  month: z.string(),
  received: z.number().check(z.int(), z.describe('Tiếp nhận / received')),
  resolved: z.number().check(z.int(), z.describe('Đã giải quyết / resolved')),
  onTimePercent: z
    .nullable(z.number())
    .check(z.describe('Tỷ lệ trước hạn, đúng hạn (%) / early or on time, % of resolved')),
  resolvedLate: z.number().check(z.int(), z.describe('Giải quyết quá hạn / resolved late')),
  pendingOverdue: z
    .number()
    .check(z.int(), z.describe('Đang quá hạn cuối tháng / pending overdue at month end')),
  apologies: z.number().check(z.int(), z.describe('Văn bản xin lỗi / apologies')),
  evaluations: z.number().check(z.int(), z.describe('Lượt đánh giá / ratings')),
  satisfiedPercent: z
    .nullable(z.number())
    .check(z.describe('Hài lòng, rất hài lòng (%) / satisfied, % of ratings')),
});

export const agencyMonthView = z.object({
  month: z.string(),
  items: z.array(agencyMonthSummary),
  readUnits: z.number(),
});
