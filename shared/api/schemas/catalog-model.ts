/**
 * The catalog's stored shapes: agencies, procedures and tenant settings, which the data layer
 * parses on every read (shared/data/catalog-repo.ts). Apart from the catalog routes' inputs, lists
 * and queries (catalog.ts) so that a function reading the catalog builds only these (issue 14 §1).
 */
import * as z from 'zod/mini';
import { agencyCode, hhmm, isoDate, multiLine, procedureCode, singleLine } from './common';
import { NOTIFICATION_KINDS } from '../../domain/notifications/kinds';
import { PLACEHOLDERS, unknownPlaceholders } from '../../domain/notifications/placeholders';
import { serviceIndexSettings } from './service-index-settings';
import { MAX_PROCEDURE_STEPS } from './limits';

/** A procedure has at most this many steps; an action's `toStep` indexes into them. */
export { MAX_PROCEDURE_STEPS } from './limits';

export const agency = z.object({
  code: agencyCode,
  name: singleLine(300).check(z.minLength(1)),
  parent: z.nullable(agencyCode),
  receptionPoint: z._default(z.boolean(), false),
  /** Commune-level agencies are where `competent: "commune"` procedures are decided. */
  level: z._default(z.enum(['province', 'commune']), 'province'),
  address: z.optional(singleLine(500)),
});
export type Agency = z.infer<typeof agency>;

/** Exactly one of two optional numbers: how a step or a procedure states its time. */
const oneOf = <A extends string, B extends string>(a: A, b: B) =>
  `cần đúng một trong ${a} hoặc ${b} / exactly one of ${a} or ${b}`;

export const procedureStep = z
  .object({
    name: singleLine(300).check(z.minLength(1)),
    /** Agency code; absent when the step runs at the competent agency. */
    agency: z.optional(agencyCode),
    role: z.enum(['reception', 'specialist', 'leader']),
    days: z.optional(z.number().check(z.positive(), z.lte(365))),
    hours: z.optional(z.number().check(z.positive(), z.lte(2000))),
  })
  .check(
    z.refine((s) => (s.days === undefined) !== (s.hours === undefined), {
      message: oneOf('days', 'hours'),
      path: ['days'],
    }),
  );
export type ProcedureStep = z.infer<typeof procedureStep>;

/** The default cut-off of a same-day time limit: "nhận hồ sơ sau 15 giờ". */
export const SAME_DAY_CUTOFF = '15:00';

/**
 * The procedure's time limit, one of three kinds. `sameDay` is how the national catalog words
 * civil-status procedures: "ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ
 * mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo".
 */
export const procedureTime = z
  .object({
    workingDays: z
      .optional(z.number().check(z.positive(), z.lte(365)))
      .check(z.describe('Số ngày làm việc / working days (may be fractional, 0.5)')),
    workingHours: z
      .optional(z.number().check(z.positive(), z.lte(2000)))
      .check(z.describe('Số giờ làm việc / working hours')),
    sameDay: z
      .optional(
        z.object({
          cutoff: z
            ._default(hhmm, SAME_DAY_CUTOFF)
            .check(
              z.describe(
                'Nhận sau giờ này thì trả trong ngày làm việc tiếp theo / received after it: next working day',
              ),
            ),
        }),
      )
      .check(
        z.describe(
          'Trong ngày tiếp nhận hồ sơ; nhận sau giờ chốt thì trả trong ngày làm việc tiếp theo / ' +
            'the same working day, or the next one when received after the cut-off',
        ),
      ),
  })
  .check(
    z.refine((t) => [t.workingDays, t.workingHours, t.sameDay].filter((k) => k !== undefined).length === 1, {
      message:
        'cần đúng một trong workingDays, workingHours hoặc sameDay / exactly one of workingDays, workingHours or sameDay',
      path: ['workingDays'],
    }),
    z.describe('Thời hạn giải quyết / time limit: exactly one kind'),
  );
export type ProcedureTime = z.infer<typeof procedureTime>;

/** A normal working day is at most 8 hours (Labour Code 2019 art. 105). */
const HOURS_IN_A_DAY = 8;

/**
 * A same-day procedure's steps are planned in hours within one working day: every step in
 * `hours`, all of them at most 8. (Their due times never pass the appointment: docs/lifecycle.md.)
 */
function stepsFitTheDay(
  p: { time: ProcedureTime; steps: ProcedureStep[] },
  ctx: z.core.$RefinementCtx,
): void {
  if (p.time.sameDay === undefined) return;
  p.steps.forEach((step, i) => {
    if (step.hours === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['steps', i, 'hours'],
        message: 'thủ tục trong ngày: bước tính bằng giờ / a same-day procedure plans its steps in hours',
      });
  });
  const total = p.steps.reduce((sum, step) => sum + (step.hours ?? 0), 0);
  if (total > HOURS_IN_A_DAY)
    ctx.addIssue({
      code: 'custom',
      path: ['steps'],
      message: `thủ tục trong ngày: tổng các bước không quá ${HOURS_IN_A_DAY} giờ / a same-day procedure's steps fit in ${HOURS_IN_A_DAY} hours`,
    });
}

const procedureFields = {
  name: singleLine(500).check(z.minLength(1)),
  field: singleLine(200).check(z.minLength(1)),
  level: z.enum(['province', 'commune']),
  /** Competent agency code, or `commune`: the commune the applicant applies to. */
  competent: z.union([agencyCode, z.literal('commune')]),
  time: procedureTime,
  onTheSpot: z._default(z.boolean(), false),
  /** Fee in VND, per `feeUnit` (default: per dossier). */
  fee: z.number().check(z.int(), z.gte(0), z.lte(1_000_000_000)),
  feeUnit: z._default(z.enum(['dossier', 'page', 'copy']), 'dossier'),
  online: z.enum(['full', 'partial', 'none']),
  suspendable: z._default(z.boolean(), false),
  interAgency: z._default(z.boolean(), false),
  documents: z.array(singleLine(500).check(z.minLength(1))).check(z.maxLength(50)),
  steps: z.array(procedureStep).check(z.minLength(1), z.maxLength(MAX_PROCEDURE_STEPS)),
};
export const procedureInput = z.object(procedureFields).check(z.superRefine(stepsFitTheDay));
export const procedure = z
  .object({ code: procedureCode, ...procedureFields })
  .check(z.superRefine(stepsFitTheDay));
export type Procedure = z.infer<typeof procedure>;

export const calendarOverride = z.object({
  date: isoDate,
  kind: z.enum(['off', 'work']),
  reason: singleLine(300).check(z.minLength(1)),
  hours: z.optional(z.array(z.tuple([hhmm, hhmm])).check(z.maxLength(4))),
});

/** The one-stop counter ("Bộ phận Một cửa") of an agency, as its printed forms name it. */
export const counterIdentity = z.object({
  agency: agencyCode,
  name: singleLine(300).check(
    z.minLength(1),
    z.describe('Tên bộ phận một cửa / the counter\'s name, e.g. "Bộ phận Một cửa"'),
  ),
  address: z.optional(singleLine(500)),
  phone: z.optional(singleLine(40)),
  place: z
    .optional(singleLine(100).check(z.minLength(1)))
    .check(z.describe('Địa danh ghi ở dòng ngày tháng / the place on the date line')),
});

/**
 * How the tenant's printed forms look (shared/domain/forms): one identity for every counter of the
 * province. No emblem: the regulation's forms carry the national motto, not the State emblem.
 */
export const formSettings = z.object({
  place: z
    .optional(singleLine(100).check(z.minLength(1)))
    .check(z.describe('Địa danh mặc định ở dòng ngày tháng / default place on the date line, e.g. "Demo"')),
  counters: z._default(z.array(counterIdentity).check(z.maxLength(500)), []),
});

/** A template of a tenant's override: only the known `{placeholders}` (shared/domain/notifications/templates.ts). */
const notificationTemplate = (max: number) =>
  multiLine(max).check(
    z.minLength(1),
    z.refine((t) => unknownPlaceholders(t).length === 0, {
      message: `chỉ dùng các biến ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')} / only these placeholders`,
    }),
  );

/**
 * Notifications to applicants (issue 13 §3, docs/notifications.md): who signs them, which kinds are
 * sent, and the tenant's own wording of any template. Absent: every kind, the default templates,
 * signed with the tenant's name.
 */
export const notificationSettings = z.object({
  senderName: z
    .optional(singleLine(100).check(z.minLength(1)))
    .check(z.describe('Tên người gửi ghi trong thông báo / the name messages are signed with')),
  enabledKinds: z
    .optional(z.array(z.enum(NOTIFICATION_KINDS)).check(z.maxLength(NOTIFICATION_KINDS.length)))
    .check(z.describe('Các loại thông báo được gửi; không có: tất cả / the kinds sent; absent: all')),
  templates: z
    .optional(
      z.partialRecord(
        z.enum(NOTIFICATION_KINDS),
        z.object({
          subject: z.optional(notificationTemplate(200)),
          email: z.optional(notificationTemplate(4000)),
          sms: z.optional(notificationTemplate(320)),
        }),
      ),
    )
    .check(z.describe("Mẫu thông báo riêng của tỉnh, theo loại / the tenant's own templates, per kind")),
});

export const tenantSettings = z.object({
  name: singleLine(200).check(z.minLength(1)),
  provinceCode: z.string().check(z.maxLength(3), z.regex(/^H\d{2}$/, 'mã tỉnh dạng Hxx / province code Hxx')),
  timeZone: z._default(z.literal('Asia/Ho_Chi_Minh'), 'Asia/Ho_Chi_Minh'),
  officeHours: z.array(z.tuple([hhmm, hhmm])).check(z.minLength(1), z.maxLength(4)),
  workingWeekdays: z
    .array(z.number().check(z.int(), z.gte(1), z.lte(7)))
    .check(z.minLength(1), z.maxLength(7)),
  /** Hours on Saturday where a centre opens Saturday mornings (6 must then be in workingWeekdays). */
  saturdayHours: z.optional(z.array(z.tuple([hhmm, hhmm])).check(z.maxLength(4))),
  cutoff: z._default(hhmm, '15:00'),
  countFrom: z._default(z.enum(['nextWorkingDay', 'receipt']), 'nextWorkingDay'),
  calendarOverrides: z._default(z.array(calendarOverride).check(z.maxLength(400)), []),
  /**
   * Webhooks: `allowLoopback` lets subscriptions target 127.0.0.1 / ::1, and only where the
   * deployment allows it too (the offline cloud; never AWS). Absent: false.
   */
  webhooks: z.optional(z.object({ allowLoopback: z._default(z.boolean(), false) })),
  /** Printed forms: the place on the date line and each counter's identity. */
  forms: z.optional(formSettings),
  notifications: z.optional(notificationSettings),
  /** The service index's targets and weights where Decision 766/2022 leaves room (issue 12 §4). */
  serviceIndex: z.optional(serviceIndexSettings),
});
export type TenantSettings = z.infer<typeof tenantSettings>;
