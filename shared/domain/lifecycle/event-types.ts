/**
 * The deadline clock's event names, apart from the catalog's payload schemas (./events.ts): the
 * stream consumer and the deadline task need only these strings, and importing them must not pull
 * zod and the whole lifecycle table into their bundles.
 */

/** The event that (re)starts a dossier's deadline clock: on accept, hand-off, pause, resume and apology. */
export const DEADLINES_CHANGED = 'dossier.deadlines_changed';
export const ALARM_TYPES = ['dossier.due_soon', 'dossier.overdue', 'step.overdue'] as const;
export type AlarmType = (typeof ALARM_TYPES)[number];
