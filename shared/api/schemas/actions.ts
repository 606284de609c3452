import { z } from 'zod';
import { QUEUE_ORDER_PATTERN } from '../../data/keys';
import { agencyCode, calendarDateTime, multiLine, singleLine, username } from './common';
import { MAX_PROCEDURE_STEPS } from './catalog';
import { nextCursor, pageQuery } from './page';
import { submittedDocument, supplementItem } from './dossier';

/**
 * Every action names the version it was decided on: optimistic locking, 409 when stale. Bounded
 * well below what a DynamoDB number or a condition expression takes.
 */
const versioned = { expectedVersion: z.number().int().min(1).max(1_000_000) };
const reason = multiLine(2000).min(1);
const note = multiLine(2000);

export const dossierAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), assignee: username, ...versioned }),
  z.object({
    action: z.literal('forward'),
    /** Route the next step to another agency than the procedure says (same level or across levels). */
    toAgency: agencyCode.optional(),
    note: note.optional(),
    ...versioned,
  }),
  z.object({
    action: z.literal('sendBack'),
    toStep: z
      .number()
      .int()
      .min(0)
      .max(MAX_PROCEDURE_STEPS - 1),
    reason,
    ...versioned,
  }),
  z.object({
    action: z.literal('requestSupplement'),
    items: z.array(supplementItem).min(1).max(50),
    reason,
    ...versioned,
  }),
  z.object({ action: z.literal('receiveSupplement'), note: note.optional(), ...versioned }),
  z.object({ action: z.literal('refuse'), reason, ...versioned }),
  z.object({ action: z.literal('approve'), note: note.optional(), ...versioned }),
  z.object({ action: z.literal('sign'), ...versioned }),
  z.object({
    action: z.literal('apologize'),
    reason,
    newAppointmentAt: calendarDateTime,
    ...versioned,
  }),
  z.object({
    action: z.literal('markResultReady'),
    kind: z.enum(['paper', 'electronic', 'both']),
    documentNumber: singleLine(100).optional(),
    ...versioned,
  }),
  z.object({
    action: z.literal('returnResult'),
    method: z.enum(['counter', 'post', 'online']),
    trackingNumber: singleLine(50).min(1).optional(),
    ...versioned,
  }),
  z.object({ action: z.literal('withdraw'), reason, ...versioned }),
  z.object({
    action: z.literal('resubmit'),
    /** The documents as now handed in; omitted: unchanged. */
    documents: z.array(submittedDocument).max(50).optional(),
    note: note.optional(),
    ...versioned,
  }),
]);
export type DossierAction = z.infer<typeof dossierAction>;
export type ActionName = DossierAction['action'];

/** A work-queue position, as the queue index sorts it (see `queueOrder` in shared/data/keys.ts). */
const queuePosition = z.string().regex(QUEUE_ORDER_PATTERN);

/** Strict: a misspelt filter (`?agencey=`) is refused, not silently ignored. */
export const workQueueQuery = z
  .object({
    agency: agencyCode.optional(),
    /** One of the caller's own roles (any, for a tenant admin); absent: all of them. */
    role: z.enum(['reception', 'specialist', 'leader']).optional(),
    ...pageQuery('queue', queuePosition),
  })
  .strict();

export const workQueueItem = z.object({
  code: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  status: z.string(),
  statusLabel: z.string(),
  step: z.object({
    index: z.number(),
    name: z.string(),
    agency: z.string(),
    role: z.string(),
    assignee: z.string().optional(),
  }),
  stepDueAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  dueSoon: z.boolean(),
  overdue: z.boolean(),
  paused: z.boolean(),
});
export const workQueue = z.object({
  agency: z.string(),
  roles: z.array(z.string()),
  now: z.string(),
  items: z.array(workQueueItem),
  nextCursor,
});

export const controlSheetLine = z.object({
  at: z.string(),
  event: z.string(),
  label: z.string(),
  agency: z.string(),
  actor: z.string(),
  note: z.string().optional(),
  handoff: z
    .object({
      fromAgency: z.string(),
      fromPerson: z.string(),
      toAgency: z.string(),
      toPerson: z.string().optional(),
      stepIndex: z.number(),
      stepName: z.string(),
      allowance: z.object({ workingDays: z.number().optional(), workingHours: z.number().optional() }),
      stepStartedAt: z.string().optional(),
      stepDueAt: z.string().optional(),
      timeliness: z.enum(['early', 'onTime', 'late']).optional(),
      timelinessLabel: z.string().optional(),
    })
    .optional(),
});
export const firedAlarm = z.object({
  id: z.string(),
  type: z.enum(['dossier.due_soon', 'dossier.overdue', 'step.overdue']),
  firedAt: z.string(),
  dueAt: z.string(),
  stepIndex: z.number().optional(),
});
export const controlSheet = z.object({
  code: z.string(),
  form: z.literal('06'),
  /** Deadline alarms the dossier's clock fired, each once. */
  alarms: z.array(firedAlarm),
  lines: z.array(controlSheetLine),
});
