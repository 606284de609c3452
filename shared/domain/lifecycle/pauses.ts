/**
 * How a closed pause (a supplement request, form 02) moves a due time. Each due time has its own
 * clock: the appointment's starts at the dossier's counting start, a step's at its own start. A
 * pause moves it by the paused working time that lies after that clock started — a pause that
 * began before counting started (a supplement asked for on the day of receipt, say) is not charged
 * for the time before it — and only if the pause began before the due time: a deadline already
 * passed when the pause began stays where it was. That is exactly what `WorkingCalendar.dueAt`
 * does with the same pause, so resuming gives the due time the calendar would have computed.
 */
import type { WorkingCalendar } from '../calendar';

const HOUR = 3_600_000;

export interface ClosedPause {
  from: Date;
  to: Date;
}

const later = (a: Date, b: Date) => (a.getTime() > b.getTime() ? a : b);

/** The paused working time after a clock started: how long that clock stood still. */
export function pausedAfter(calendar: WorkingCalendar, clockStart: Date, pause: ClosedPause): number {
  return calendar.elapsedWorkingTime(later(pause.from, clockStart), pause.to);
}

/** Working ms the pause adds to a due time whose clock started at `clockStart`. */
export function pauseShiftMs(
  calendar: WorkingCalendar,
  clockStart: Date,
  due: Date,
  pause: ClosedPause,
): number {
  const from = later(pause.from, clockStart);
  // Compared in working time, as dueAt does: a pause from 17:30 does not stop a clock that ran out at 17:00.
  if (calendar.elapsedWorkingTime(clockStart, from) >= calendar.elapsedWorkingTime(clockStart, due)) return 0;
  return pausedAfter(calendar, clockStart, pause);
}

/** The due time once the pause is over. */
export function dueAfterPause(
  calendar: WorkingCalendar,
  clockStart: Date,
  due: Date,
  pause: ClosedPause,
): Date {
  const ms = pauseShiftMs(calendar, clockStart, due, pause);
  // Adding 0 h would move a due time at closing (17:00) to the next opening.
  return ms === 0 ? due : calendar.addWorkingHours(due, ms / HOUR);
}
