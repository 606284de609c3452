/**
 * The order of one dossier's webhook events. Delivery is at least once and possibly out of order
 * (retries, parallel queues), so every event carries `sequence`: a receiver orders one dossier's
 * events by (dossierCode, sequence) and keeps the highest it has applied.
 *
 * sequence = version × 100 + slot, where `version` is the dossier's version the event belongs to:
 * - a history event (one per action) was written by the change that made that version; its slot
 *   is its position in the change (0, 1 …: a counter's immediate decision announces "submitted"
 *   then "received" at once);
 * - a deadline alarm changes no version: it belongs to the version the clock read when it fired,
 *   after that version's history events, so its slot is 90 and up. Within one version at most one
 *   alarm of each kind fires; they are ranked due soon, step overdue, overdue (the dossier's
 *   overdue comes last: no step's due time passes the appointment). Due soon and step overdue are
 *   independent warnings that may have fired either way round: their `time` tells.
 * An alarm that fired on version n while version n + 1 was being written is still ordered with
 * version n: it speaks of the dossier as it stood then.
 */
import type { AlarmType } from '../lifecycle/event-types';

export const SLOTS_PER_VERSION = 100;
/** The first alarm slot: history positions stay below it (a change announces two events at most). */
export const FIRST_ALARM_SLOT = 90;

const ALARM_RANK: Record<AlarmType, number> = {
  'dossier.due_soon': 0,
  'step.overdue': 1,
  'dossier.overdue': 2,
};

export function historySequence(version: number, position: number): number {
  if (!Number.isInteger(position) || position < 0 || position >= FIRST_ALARM_SLOT)
    throw new RangeError(`history position ${position} outside 0..${FIRST_ALARM_SLOT - 1}`);
  return version * SLOTS_PER_VERSION + position;
}

export function alarmSequence(version: number, type: AlarmType): number {
  return version * SLOTS_PER_VERSION + FIRST_ALARM_SLOT + ALARM_RANK[type];
}
