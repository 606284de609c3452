/**
 * The event catalog: every outbox event type a dossier announces, its version and its payload
 * schema — the contract signed webhooks and reports consume. The history-line events come from
 * the lifecycle table's history lines (./history-lines.ts); the deadline events from the clock (./deadlines.ts). A change
 * to a payload's meaning is a new version, never an edit.
 */
import * as z from 'zod/mini';
import { DOSSIER_STATUSES } from './statuses';
import { ACTION_LINES, SUBMISSION } from './history-lines';
import type { ActionSpec, Labels } from './spec';

import { ALARM_TYPES, DEADLINES_CHANGED, type AlarmType } from './event-types';

export { ALARM_TYPES, DEADLINES_CHANGED, type AlarmType };

const timeliness = z.enum(['early', 'onTime', 'late']);
/** zod's `.int()`: a safe integer, the check written the same way classic zod writes it. */
const int = () => z.number().check(z.int());

/** Where the dossier stands after the change: every event carries it. */
export const dossierState = z.object({
  status: z.enum(DOSSIER_STATUSES),
  procedure: z.string(),
  receivingAgency: z.string(),
  competentAgency: z.string(),
  currentStep: z.nullable(int()),
  appointmentAt: z.nullable(z.string()),
});

export const handoffPayload = z.object({
  fromAgency: z.string(),
  fromPerson: z.string(),
  toAgency: z.string(),
  toPerson: z.optional(z.string()),
  stepIndex: int(),
  stepName: z.string(),
  allowance: z.object({ workingDays: z.optional(z.number()), workingHours: z.optional(z.number()) }),
  stepStartedAt: z.optional(z.string()),
  stepDueAt: z.optional(z.string()),
  timeliness: z.optional(timeliness),
});

/** The event's place among those one change announces (0 first): shared/domain/dossier/outbox.ts. */
const position = int().check(z.gte(0));

/** A history line's event: the dossier's state, when, who, at which agency, and the hand-off if any. */
export const historyEventPayload = z.extend(dossierState, {
  position,
  at: z.string(),
  actor: z.string(),
  agency: z.string(),
  handoff: z.optional(handoffPayload),
});

export const deadlinesChangedPayload = z.extend(dossierState, { position, clockVersion: int() });

/**
 * A fired alarm: the dossier's state and the version it was read at (an alarm changes no version;
 * the version places it among the dossier's events), the due time that passed, and the step's.
 */
export const alarmPayload = z.extend(dossierState, {
  version: int(),
  type: z.enum(ALARM_TYPES),
  dueAt: z.string(),
  step: z.optional(z.object({ index: int(), name: z.string(), agency: z.string(), role: z.string() })),
});

export interface EventSpec {
  version: number;
  payload: z.ZodMiniType;
  label: Labels;
}

type Line = typeof SUBMISSION | (typeof ACTION_LINES)[keyof typeof ACTION_LINES];
/** Typed as the table's entries are (ActionSpec): each history literal, the outbox any `dossier.*`. */
const HISTORY_LINES: ReadonlyArray<{
  history: Line['history'];
  outbox: ActionSpec['outbox'];
  label: Labels;
}> = [SUBMISSION, ...Object.values(ACTION_LINES)];

/** The outbox types of the history lines, one per action (two refusals share `dossier.refused`). */
export type HistoryEventType = (typeof HISTORY_LINES)[number]['outbox'];
/** Every event type a webhook or report may receive. */
export type EventType = HistoryEventType | typeof DEADLINES_CHANGED | AlarmType;

const historyEvents = Object.fromEntries(
  HISTORY_LINES.map((a): [HistoryEventType, EventSpec] => [
    a.outbox,
    { version: 1, payload: historyEventPayload, label: a.label },
  ]),
) as Record<HistoryEventType, EventSpec>;

export const EVENT_CATALOG: Readonly<Record<EventType, EventSpec>> = {
  ...historyEvents,
  // Refused at reception or in processing: one event, the status says which.
  'dossier.refused': {
    version: 1,
    payload: historyEventPayload,
    label: { vi: 'Từ chối hồ sơ', en: 'Refused' },
  },
  [DEADLINES_CHANGED]: {
    version: 1,
    payload: deadlinesChangedPayload,
    label: { vi: 'Thay đổi thời hạn', en: 'Deadlines changed' },
  },
  'dossier.due_soon': { version: 1, payload: alarmPayload, label: { vi: 'Sắp đến hạn', en: 'Due soon' } },
  'dossier.overdue': { version: 1, payload: alarmPayload, label: { vi: 'Quá hạn', en: 'Overdue' } },
  'step.overdue': {
    version: 1,
    payload: alarmPayload,
    label: { vi: 'Bước xử lý quá hạn', en: 'Step overdue' },
  },
};

/** The history-line types a dossier's control sheet can hold. */
export type HistoryType = (typeof HISTORY_LINES)[number]['history'];
export const HISTORY_TYPES = HISTORY_LINES.map((a) => a.history) as [HistoryType, ...HistoryType[]];

/** The label of each history line (timeline, control sheet). */
export const HISTORY_LABELS = Object.fromEntries(HISTORY_LINES.map((a) => [a.history, a.label.vi])) as Record<
  HistoryType,
  string
>;

/** The outbox type each history line announces. */
export const OUTBOX_TYPES = Object.fromEntries(HISTORY_LINES.map((a) => [a.history, a.outbox])) as Record<
  HistoryType,
  HistoryEventType
>;
