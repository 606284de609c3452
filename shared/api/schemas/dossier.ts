import * as z from 'zod/mini';
import { HISTORY_TYPES } from '../../domain/lifecycle/events';
import { LIFECYCLE } from '../../domain/lifecycle/table';
import { DOSSIER_STATUSES, type DossierStatus } from '../../domain/lifecycle/statuses';
import { agencyCode, dossierCode, multiLine, procedureCode, singleLine } from './common';
import { receptionDecisionSchema, submittedDocument, supplementItem } from './lifecycle';
import { EVALUATION_CRITERION_KEYS, EVALUATION_LEVEL_KEYS } from '../../domain/dossier/evaluation';

export const CHANNELS = ['counter', 'online', 'postal'] as const;
export { DOSSIER_STATUSES, type DossierStatus };
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

export { submittedDocument, supplementItem };

/**
 * What the reception officer decides on a complete / incomplete / ineligible dossier: record it,
 * ask once for a complete supplement, or refuse with a reason (the lifecycle table's reception
 * entries). Taken with a submission at the counter, or later on the dossier, then naming the
 * version it was decided on like every action.
 */
export const receptionDecision = receptionDecisionSchema(LIFECYCLE, false);
export type ReceptionDecision = z.infer<typeof receptionDecision>;
export const receptionDecisionRequest = receptionDecisionSchema(LIFECYCLE, true);
export type ReceptionDecisionRequest = z.infer<typeof receptionDecisionRequest>;

export const submitDossier = z.object({
  procedureCode,
  channel: z.enum(CHANNELS),
  /** Where the dossier is received and the result collected. Staff: defaults to their own agency. */
  receptionPoint: z.optional(agencyCode),
  /** Needed when the procedure's competent agency is "commune" and the counter is not that commune. */
  competentAgency: z.optional(agencyCode),
  applicant,
  request: multiLine(4000).check(z.minLength(1)),
  documents: z._default(z.array(submittedDocument).check(z.maxLength(50)), []),
  resultDelivery: z._default(z.enum(['counter', 'post', 'online']), 'counter'),
  postalTrackingNumber: z.optional(singleLine(50)),
  /** Staff only: the reception decision taken at the counter. Omitted: the dossier waits for one. */
  decision: z.optional(receptionDecision),
});
export type SubmitDossier = z.infer<typeof submitDossier>;

export const stepView = z.object({
  index: z.number().check(z.int()),
  name: z.string(),
  agency: z.string(),
  agencyName: z.optional(z.string()),
  role: z.string(),
  allowance: z.object({ workingDays: z.optional(z.number()), workingHours: z.optional(z.number()) }),
  plannedDueAt: z.nullable(z.string()),
  status: z.enum(['pending', 'active', 'done']),
  startedAt: z.optional(z.string()),
  dueAt: z.optional(z.string()),
  finishedAt: z.optional(z.string()),
  timeliness: z.optional(z.enum(['early', 'onTime', 'late'])),
  assignee: z.optional(z.string()),
});

export const timelineEntry = z.object({
  at: z.string(),
  event: z.enum(HISTORY_TYPES),
  label: z.string(),
  agency: z.optional(z.string()),
});

export const dossierView = z.object({
  code: dossierCode,
  tenant: z.string(),
  procedure: z.object({ code: z.string(), name: z.string(), field: z.string() }),
  channel: z.enum(CHANNELS),
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
  receivingAgency: z.string(),
  competentAgency: z.string(),
  applicant,
  request: z.string(),
  documents: z.array(submittedDocument),
  resultDelivery: z.string(),
  submittedAt: z.string(),
  receivedAt: z.nullable(z.string()),
  appointmentAt: z.nullable(z.string()),
  fee: z.object({ amount: z.number(), currency: z.literal('VND') }),
  steps: z.array(stepView),
  /** Form 02: the supplement request. */
  supplementRequest: z.optional(
    z.object({
      items: z.array(supplementItem),
      note: z.optional(z.string()),
      at: z.string(),
      form: z.literal('02'),
    }),
  ),
  /** Form 03: the refusal. */
  refusal: z.optional(z.object({ reason: z.string(), at: z.string(), form: z.literal('03') })),
  /** Form 01 content: the receipt and appointment slip. */
  receipt: z.optional(z.record(z.string(), z.unknown())),
  currentStep: z.nullable(z.number().check(z.int())),
  /** Clock stops while the applicant supplements (form 02), with the working time each lasted. */
  pauses: z.array(
    z.object({
      from: z.string(),
      to: z.optional(z.string()),
      stepIndex: z.number(),
      reason: z.string(),
      items: z.array(supplementItem),
      by: z.string(),
      workingMs: z.optional(z.number()),
      form: z.literal('02'),
    }),
  ),
  /** Form 04: the one apology and new appointment. */
  apology: z.optional(
    z.object({
      reason: z.string(),
      previousAppointmentAt: z.string(),
      newAppointmentAt: z.string(),
      at: z.string(),
      by: z.string(),
      form: z.literal('04'),
    }),
  ),
  approval: z.optional(z.object({ by: z.string(), at: z.string(), note: z.optional(z.string()) })),
  signature: z.optional(z.object({ by: z.string(), at: z.string() })),
  result: z.optional(
    z.object({
      kind: z.enum(['paper', 'electronic', 'both']),
      readyAt: z.string(),
      by: z.string(),
      documentNumber: z.optional(z.string()),
    }),
  ),
  returned: z.optional(
    z.object({
      method: z.enum(['counter', 'post', 'online']),
      trackingNumber: z.optional(z.string()),
      at: z.string(),
      by: z.string(),
    }),
  ),
  withdrawal: z.optional(z.object({ reason: z.string(), at: z.string(), by: z.string() })),
  /** The applicant's one rating (action `evaluate`), shown to those who may see the dossier. */
  evaluation: z.optional(
    z.object({
      level: z.enum(EVALUATION_LEVEL_KEYS),
      comment: z.optional(z.string()),
      scores: z.optional(z.partialRecord(z.enum(EVALUATION_CRITERION_KEYS), z.number().check(z.int()))),
      at: z.string(),
      by: z.string(),
      via: z.enum(['citizen', 'kiosk']),
    }),
  ),
  finishedAt: z.optional(z.string()),
  timeliness: z.optional(z.enum(['early', 'onTime', 'late'])),
  version: z.number().check(z.int()),
  clockVersion: z.number().check(z.int()),
});
export type DossierView = z.infer<typeof dossierView>;

export const trackingView = z.object({
  code: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  applicantName: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
  receivingAgency: z.object({ code: z.string(), name: z.string() }),
  submittedAt: z.string(),
  receivedAt: z.nullable(z.string()),
  appointmentAt: z.nullable(z.string()),
  /** Finished: early / on time / late; pending: within deadline / overdue (or paused). */
  deadline: z.object({
    state: z.enum(['early', 'onTime', 'late', 'withinDeadline', 'overdue', 'paused', 'none']),
    label: z.string(),
  }),
  steps: z.array(stepView),
  timeline: z.array(timelineEntry),
});

export const dossierCodeParams = z.object({ code: dossierCode });
