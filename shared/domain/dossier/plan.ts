/**
 * A dossier's plan at acceptance: the appointment and every step's planned due time, chained
 * from the receipt (rules in ./time-limits.ts).
 */
import type { Procedure } from '../catalog/model';
import type { WorkingCalendar } from '../calendar';
import { toVnIso } from '../vn-time';
import type { PlannedStep, StepAllowance } from './model';
import { capAtAppointment, dueAfter } from './time-limits';

export const stepAllowance = (step: Procedure['steps'][number]): StepAllowance =>
  step.days !== undefined ? { workingDays: step.days } : { workingHours: step.hours };

/**
 * Every step's planned due time, chained from the receipt (rules in ./time-limits.ts): the first
 * step counts like the appointment, each later one runs on from the previous one's due time.
 */
export function planSteps(
  procedure: Procedure,
  competentAgency: string,
  receivedAt: Date | null,
  calendar: WorkingCalendar,
): PlannedStep[] {
  const appointment = receivedAt ? appointmentFor(procedure, receivedAt, calendar) : null;
  let cursor = receivedAt;
  return procedure.steps.map((step, index) => {
    const allowance = stepAllowance(step);
    const due = cursor
      ? capAtAppointment(dueAfter(calendar, cursor, allowance, index === 0), procedure.time, appointment)
      : null;
    cursor = due;
    return {
      index,
      name: step.name,
      agency: step.agency ?? competentAgency,
      role: step.role,
      allowance,
      plannedDueAt: due ? toVnIso(due) : null,
      status: receivedAt && index === 0 ? 'active' : 'pending',
    };
  });
}

export function appointmentFor(procedure: Procedure, receivedAt: Date, calendar: WorkingCalendar): Date {
  return dueAfter(calendar, receivedAt, procedure.time, true);
}
