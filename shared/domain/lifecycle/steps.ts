/** Step bookkeeping shared by the actions: which step is current, finishing one, starting one. */
import { DomainRuleError } from '../errors';
import { toVnIso } from '../vn-time';
import type { Dossier, Handoff, PlannedStep } from '../dossier/model';
import { capAtAppointment, clockStart, dueAfter } from '../dossier/time-limits';
import type { WorkingCalendar } from '../calendar';
import type { ActionContext } from './spec';

export const rule = (status: 400 | 403 | 404 | 409 | 422, name: string, field: string, message: string) =>
  new DomainRuleError(status, name, field, message);

export function currentStepOf(d: Dossier): PlannedStep {
  if (d.currentStep === null)
    throw rule(
      409,
      'no-current-step',
      'currentStep',
      'Hồ sơ không ở bước xử lý nào / the dossier is at no step',
    );
  return d.steps[d.currentStep];
}

/** The step that is finished, with its early / on time / late result. */
export function finishStep(ctx: ActionContext, step: PlannedStep): PlannedStep {
  const timeliness = step.dueAt ? ctx.calendar.classify(ctx.now, new Date(step.dueAt)) : undefined;
  return { ...step, status: 'done', finishedAt: ctx.at, timeliness };
}

/**
 * The step that starts now: its own allowance counts from the hand-off (for a same-day
 * procedure, never past the appointment).
 */
export function startStep(ctx: ActionContext, step: PlannedStep, agency = step.agency): PlannedStep {
  const d = ctx.dossier;
  const due = dueAfter(ctx.calendar, ctx.now, step.allowance, false);
  const appointment = d.appointmentAt ? new Date(d.appointmentAt) : null;
  const dueAt = toVnIso(capAtAppointment(due, d.procedure.time, appointment));
  return {
    ...step,
    agency,
    status: 'active',
    startedAt: ctx.at,
    dueAt,
    finishedAt: undefined,
    timeliness: undefined,
    assignee: undefined,
  };
}

/** The control sheet's hand-off record for a finished step. */
export function handoffOf(ctx: ActionContext, finished: PlannedStep, toAgency: string): Handoff {
  return {
    fromAgency: finished.agency,
    fromPerson: ctx.actor.username,
    toAgency,
    stepIndex: finished.index,
    stepName: finished.name,
    allowance: finished.allowance,
    stepStartedAt: finished.startedAt,
    stepDueAt: finished.dueAt,
    timeliness: finished.timeliness,
  };
}

export const replaceStep = (steps: PlannedStep[], next: PlannedStep) =>
  steps.map((s) => (s.index === next.index ? next : s));

/** Where the clocks of a dossier's due times started (see ./pauses.ts). */
export function clockStarts(calendar: WorkingCalendar, d: Dossier) {
  const received = new Date(d.receivedAt!);
  // The plan chains every step from the first one's counting start, like the appointment.
  const plan = d.steps[0] ? clockStart(calendar, received, d.steps[0].allowance, true) : received;
  return {
    appointment: clockStart(calendar, received, d.procedure.time, true),
    plan,
    /** A step started at reception counts like the plan; a later one from its hand-off. */
    step: (s: PlannedStep): Date =>
      s.index === 0 && s.startedAt === d.receivedAt
        ? plan
        : clockStart(calendar, new Date(s.startedAt ?? d.receivedAt!), s.allowance, false),
  };
}

/** The dossier finished now: every active step done, no current step. */
export function finished(ctx: ActionContext, status: Dossier['status'], extra: Partial<Dossier>): Dossier {
  const d = ctx.dossier;
  const steps = d.steps.map((s) => (s.status === 'active' ? finishStep(ctx, s) : s));
  return { ...d, ...extra, status, steps, currentStep: null, finishedAt: ctx.at };
}
