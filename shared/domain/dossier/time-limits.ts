/**
 * How a procedure's time limit and its steps' allowances become due times, in one place for
 * reception (the plan) and the lifecycle (hand-offs and pauses):
 *
 *  - working days: the first step and the appointment follow the tenant's counting-start rule
 *    (docs/calendar.md, rule 1); later steps run on from the moment they start;
 *  - working hours (on-the-spot procedures): from the moment of receipt or hand-off;
 *  - the same day (`sameDay`, the appointment only): the close of the receipt day, or of the next
 *    working day when received after the cut-off (docs/calendar.md, rule 8). Steps of such a
 *    procedure are planned in hours and are never due after the appointment: the law's limit is
 *    the day, the steps are the office's own split of it.
 */
import type { ProcedureTime } from '../catalog/model';
import type { WorkingCalendar } from '../calendar';
import type { StepAllowance } from './model';

type Limit = StepAllowance | ProcedureTime;

/** Whether this allowance counts by the receipt rules (countFrom, or a same-day cut-off). */
const countsFromReceipt = (a: Limit, first: boolean): boolean =>
  ('sameDay' in a && a.sameDay !== undefined) || (first && a.workingHours === undefined);

/** The due time of an allowance that starts at `from` (a receipt when `first`, else a hand-off). */
export function dueAfter(calendar: WorkingCalendar, from: Date, allowance: Limit, first: boolean): Date {
  if (countsFromReceipt(allowance, first)) return calendar.dueAt(from, allowance);
  if (allowance.workingHours !== undefined) return calendar.addWorkingHours(from, allowance.workingHours);
  return calendar.addWorkingDays(from, allowance.workingDays ?? 0);
}

/**
 * The instant the clock of that allowance starts: the working time before it is not part of the
 * allowance, so a pause is charged to the due time only from there on.
 */
export function clockStart(calendar: WorkingCalendar, from: Date, allowance: Limit, first: boolean): Date {
  return countsFromReceipt(allowance, first)
    ? calendar.countingStart(from, allowance)
    : calendar.nextWorkingInstant(from);
}

/** A step of a same-day procedure is due at the latest at the appointment. */
export function capAtAppointment(due: Date, time: ProcedureTime, appointment: Date | null): Date {
  return time.sameDay !== undefined && appointment !== null && appointment.getTime() < due.getTime()
    ? appointment
    : due;
}
