/** The audit log's query and answer (issue 11 §6): shared/usecases/audit.ts. */
import * as z from 'zod/mini';
import { AUDIT_ACTIONS, AUDIT_POSITION_PATTERN, daySpan, MAX_AUDIT_DAYS } from '../../domain/audit';
import { dossierCode, username } from './common';
import { nextCursor, pageQuery } from './page';

const day = z
  .string()
  .check(
    z.maxLength(10, { abort: true }),
    z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'ngày dạng YYYY-MM-DD / a date YYYY-MM-DD'),
  );

const periodAndFilters = {
  from: day.check(z.describe('Từ ngày (giờ Việt Nam, gồm) / first day, Vietnamese date, included')),
  to: day.check(
    z.describe(
      `Đến ngày (gồm; tối đa ${MAX_AUDIT_DAYS} ngày) / last day, included (at most ${MAX_AUDIT_DAYS} days)`,
    ),
  ),
  actor: z
    .optional(username)
    .check(z.describe('Chỉ người (hoặc mã ứng dụng) này / only this username or client id')),
  dossier: z.optional(dossierCode).check(z.describe('Chỉ hồ sơ này / only this dossier')),
  action: z.optional(z.enum(AUDIT_ACTIONS)).check(z.describe('Chỉ hành động này / only this action')),
};

/** `from` ≤ `to`, at most MAX_AUDIT_DAYS days, and real calendar dates (no 31/02). */
function checkPeriod(q: { from: string; to: string }, ctx: z.core.$RefinementCtx): void {
  for (const key of ['from', 'to'] as const) {
    const date = new Date(`${q[key]}T00:00:00Z`);
    // No date at all (`?from=x`): the field already has its pattern issue, and zod still runs this
    // check since that issue does not abort; toISOString would throw, answering 500.
    if (Number.isNaN(date.getTime())) return;
    if (date.toISOString().slice(0, 10) !== q[key]) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'Ngày không có / no such date' });
      return;
    }
  }
  if (daySpan(q.from, q.to) === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `Khoảng ngày ngược hoặc quá ${MAX_AUDIT_DAYS} ngày / the period is reversed or longer than ${MAX_AUDIT_DAYS} days`,
    });
}

export const auditQuery = z
  .object({ ...periodAndFilters, ...pageQuery('audit', z.string().check(z.regex(AUDIT_POSITION_PATTERN))) })
  .check(z.superRefine(checkPeriod));

export const auditExportQuery = z.object(periodAndFilters).check(z.superRefine(checkPeriod));

export const auditRecordView = z.object({
  id: z.string(),
  at: z.string().check(z.describe('Thời điểm, giờ Việt Nam / the instant, Vietnamese time (+07:00)')),
  atUtc: z.string().check(z.describe('Thời điểm UTC / the instant in UTC')),
  actor: z.object({
    subject: z.string(),
    username: z.string(),
    roles: z.array(z.string()),
    tenant: z.string(),
    agency: z.optional(z.string()),
    clientId: z
      .optional(z.string())
      .check(z.describe('Hệ thống của cơ quan / an agency system’s app client')),
  }),
  action: z.enum(AUDIT_ACTIONS),
  dossier: z.optional(z.string()),
  target: z.optional(z.string()),
  detail: z.optional(z.string()).check(z.describe('Thay đổi gì / what changed or was taken')),
  route: z.string().check(z.describe('Chức năng đã gọi / the route (or CLI command) it happened through')),
  reason: z.optional(z.string()).check(z.describe('Lý do người gọi nêu (X-Audit-Reason) / the reason given')),
  requestId: z.optional(z.string()),
});

export const auditList = z.object({ items: z.array(auditRecordView), nextCursor });

/** The documented media type; the answer's header adds `; charset=utf-8`. */
export const CSV_MEDIA_TYPE = 'text/csv';
/** Bytes from the handler (UTF-8 with BOM); a client reads them as text. */
export const csvDocument = z
  .custom<Uint8Array | string>(
    (value) => (typeof value === 'string' || value instanceof Uint8Array) && value.length > 0,
    'CSV',
  )
  .check(z.meta({ type: 'string', description: 'CSV UTF-8 có BOM / CSV, UTF-8 with a byte-order mark' }));
