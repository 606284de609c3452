import * as z from 'zod';
import { HISTORY_TYPES } from '../../domain/lifecycle/events';
import { LIFECYCLE } from '../../domain/lifecycle/table';
import { DOSSIER_STATUSES, type DossierStatus } from '../../domain/lifecycle/statuses';
import { agencyCode, dossierCode, multiLine, procedureCode, singleLine } from './common';
import { receptionDecisionSchema, submittedDocument, supplementItem } from './lifecycle';
import { EVALUATION_CRITERION_KEYS, EVALUATION_LEVEL_KEYS } from '../../domain/dossier/evaluation';

export const CHANNELS = ['counter', 'online', 'postal'] as const;
export { DOSSIER_STATUSES, type DossierStatus };
export const applicant = z.object({
  kind: z.enum(['citizen', 'organization']).default('citizen'),
  name: singleLine(200).min(1),
  /** Citizen ID (CCCD, 12 digits; old CMND 9 digits) or, for organisations, the tax code (10 or 10-3 digits). */
  idNumber: z
    .string()
    .max(14)
    .regex(/^(\d{9}|\d{12}|\d{10}(-\d{3})?)$/, 'số CCCD 12 số hoặc mã số thuế / 12-digit ID or tax code'),
  phone: z
    .string()
    .max(13)
    .regex(/^(\+84|0)\d{9,10}$/, 'số điện thoại Việt Nam / Vietnamese phone number'),
  email: z.email('email không hợp lệ / invalid email').max(254).optional(),
  address: singleLine(500).min(1),
  organizationName: singleLine(300).min(1).optional(),
  notify: z
    .object({
      email: z
        .boolean()
        .optional()
        .describe('Đồng ý nhận thông báo qua e-mail (cần có email) / agrees to e-mail notifications'),
      sms: z.boolean().optional().describe('Đồng ý nhận thông báo qua SMS / agrees to SMS notifications'),
    })
    .optional()
    .describe(
      'Sự đồng ý của người nộp nhận thông báo về hồ sơ (tiếp nhận, bổ sung, có kết quả, xin lỗi, trả kết quả), theo từng kênh; ' +
        "không có: không gửi / the applicant's consent to notifications, per channel; absent: none is sent",
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
  receptionPoint: agencyCode.optional(),
  /** Needed when the procedure's competent agency is "commune" and the counter is not that commune. */
  competentAgency: agencyCode.optional(),
  applicant,
  request: multiLine(4000).min(1),
  documents: z.array(submittedDocument).max(50).default([]),
  resultDelivery: z.enum(['counter', 'post', 'online']).default('counter'),
  postalTrackingNumber: singleLine(50).optional(),
  /** Staff only: the reception decision taken at the counter. Omitted: the dossier waits for one. */
  decision: receptionDecision.optional(),
});
export type SubmitDossier = z.infer<typeof submitDossier>;

export const stepView = z.object({
  index: z.number().int(),
  name: z.string(),
  agency: z.string(),
  agencyName: z.string().optional(),
  role: z.string(),
  allowance: z.object({ workingDays: z.number().optional(), workingHours: z.number().optional() }),
  plannedDueAt: z.string().nullable(),
  status: z.enum(['pending', 'active', 'done']),
  startedAt: z.string().optional(),
  dueAt: z.string().optional(),
  finishedAt: z.string().optional(),
  timeliness: z.enum(['early', 'onTime', 'late']).optional(),
  assignee: z.string().optional(),
});

export const timelineEntry = z.object({
  at: z.string(),
  event: z.enum(HISTORY_TYPES),
  label: z.string(),
  agency: z.string().optional(),
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
  receivedAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  fee: z.object({ amount: z.number(), currency: z.literal('VND') }),
  steps: z.array(stepView),
  /** Form 02: the supplement request. */
  supplementRequest: z
    .object({
      items: z.array(supplementItem),
      note: z.string().optional(),
      at: z.string(),
      form: z.literal('02'),
    })
    .optional(),
  /** Form 03: the refusal. */
  refusal: z.object({ reason: z.string(), at: z.string(), form: z.literal('03') }).optional(),
  /** Form 01 content: the receipt and appointment slip. */
  receipt: z.record(z.string(), z.unknown()).optional(),
  currentStep: z.number().int().nullable(),
  /** Clock stops while the applicant supplements (form 02), with the working time each lasted. */
  pauses: z.array(
    z.object({
      from: z.string(),
      to: z.string().optional(),
      stepIndex: z.number(),
      reason: z.string(),
      items: z.array(supplementItem),
      by: z.string(),
      workingMs: z.number().optional(),
      form: z.literal('02'),
    }),
  ),
  /** Form 04: the one apology and new appointment. */
  apology: z
    .object({
      reason: z.string(),
      previousAppointmentAt: z.string(),
      newAppointmentAt: z.string(),
      at: z.string(),
      by: z.string(),
      form: z.literal('04'),
    })
    .optional(),
  approval: z.object({ by: z.string(), at: z.string(), note: z.string().optional() }).optional(),
  signature: z.object({ by: z.string(), at: z.string() }).optional(),
  result: z
    .object({
      kind: z.enum(['paper', 'electronic', 'both']),
      readyAt: z.string(),
      by: z.string(),
      documentNumber: z.string().optional(),
    })
    .optional(),
  returned: z
    .object({
      method: z.enum(['counter', 'post', 'online']),
      trackingNumber: z.string().optional(),
      at: z.string(),
      by: z.string(),
    })
    .optional(),
  withdrawal: z.object({ reason: z.string(), at: z.string(), by: z.string() }).optional(),
  /** The applicant's one rating (action `evaluate`), shown to those who may see the dossier. */
  evaluation: z
    .object({
      level: z.enum(EVALUATION_LEVEL_KEYS),
      comment: z.string().optional(),
      scores: z.partialRecord(z.enum(EVALUATION_CRITERION_KEYS), z.number().int()).optional(),
      at: z.string(),
      by: z.string(),
      via: z.enum(['citizen', 'kiosk']),
    })
    .optional(),
  finishedAt: z.string().optional(),
  timeliness: z.enum(['early', 'onTime', 'late']).optional(),
  version: z.number().int(),
  clockVersion: z.number().int(),
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
  receivedAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  /** Finished: early / on time / late; pending: within deadline / overdue (or paused). */
  deadline: z.object({
    state: z.enum(['early', 'onTime', 'late', 'withinDeadline', 'overdue', 'paused', 'none']),
    label: z.string(),
  }),
  steps: z.array(stepView),
  timeline: z.array(timelineEntry),
});

export const dossierCodeParams = z.object({ code: dossierCode });
