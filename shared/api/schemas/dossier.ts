import * as z from 'zod/mini';
import { HISTORY_TYPES } from '../../domain/lifecycle/events';
import { DOSSIER_STATUSES, type DossierStatus } from '../../domain/lifecycle/statuses';
import { dossierCode } from './common';
import { submittedDocument, supplementItem } from './lifecycle';
import { applicant, CHANNELS, type Applicant } from './applicant';
import { EVALUATION_CRITERION_KEYS, EVALUATION_LEVEL_KEYS } from '../../domain/dossier/evaluation';

export { DOSSIER_STATUSES, type DossierStatus };
export { applicant, CHANNELS, type Applicant };
export { submittedDocument, supplementItem };
/**
 * The submission and the reception decision (./submission.ts), apart because the decision's schema
 * is built from the lifecycle table: only the routes that take one bundle the table (issue 14).
 */
export {
  receptionDecision,
  receptionDecisionRequest,
  submitDossier,
  type ReceptionDecision,
  type ReceptionDecisionRequest,
  type SubmitDossier,
} from './submission';

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
