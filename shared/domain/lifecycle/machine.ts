/**
 * The dossier lifecycle after reception (processing, supplements, apologies, results) as a pure state machine: which actions each
 * status allows, who may take them, and what each changes — the step it sits at, its due times
 * (each step's own sub-deadline counts from its hand-off; a pause moves every due time by the
 * paused working time inside its own clock, ./pauses.ts), the legal records (forms 02, 04, 06)
 * and the history lines.
 */
import type { DossierAction, ActionName } from '../../api/schemas/actions';
import type { DossierStatus } from '../../api/schemas/dossier';
import type { WorkingCalendar } from '../calendar';
import { DomainRuleError } from '../errors';
import { toVnIso } from '../vn-time';
import type { Actor, Dossier, DossierEvent, Handoff, PlannedStep } from '../dossier/model';
import { capAtAppointment, clockStart, dueAfter } from '../dossier/time-limits';
import { dueAfterPause, pausedAfter } from './pauses';

/** Which actions each status allows. Final statuses allow none. */
export const ALLOWED_ACTIONS: Record<DossierStatus, readonly ActionName[]> = {
  submitted: ['withdraw'],
  supplementRequested: ['resubmit', 'withdraw'],
  refused: [],
  received: ['assign', 'forward', 'requestSupplement', 'refuse', 'apologize', 'withdraw'],
  inProgress: [
    'assign',
    'forward',
    'sendBack',
    'requestSupplement',
    'refuse',
    'approve',
    'apologize',
    'withdraw',
  ],
  paused: ['receiveSupplement', 'refuse', 'withdraw'],
  approved: ['sign', 'forward', 'sendBack', 'markResultReady', 'apologize', 'withdraw'],
  signed: ['forward', 'sendBack', 'markResultReady', 'apologize', 'withdraw'],
  resultReady: ['returnResult'],
  returned: [],
  withdrawn: [],
};

export const FINAL_STATUSES: ReadonlySet<DossierStatus> = new Set(['refused', 'returned', 'withdrawn']);

export interface Transition {
  dossier: Dossier;
  events: DossierEvent[];
}

interface Ctx {
  dossier: Dossier;
  actor: Actor;
  now: Date;
  at: string;
  calendar: WorkingCalendar;
  /** The tenant's agencies, to check a re-routed hand-off goes somewhere real. */
  agencyExists: (code: string) => boolean;
}

const rule = (status: 400 | 403 | 404 | 409 | 422, name: string, field: string, message: string) =>
  new DomainRuleError(status, name, field, message);

function currentStepOf(d: Dossier): PlannedStep {
  if (d.currentStep === null)
    throw rule(
      409,
      'no-current-step',
      'currentStep',
      'Hồ sơ không ở bước xử lý nào / the dossier is at no step',
    );
  return d.steps[d.currentStep];
}

/** Staff of the step's agency holding the step's role may work on it; an agency's system acts as its specialist. */
function mayWorkOn(actor: Actor, step: PlannedStep, roles: readonly string[] = [step.role]): boolean {
  if (actor.kind !== 'staff' || actor.agency !== step.agency) return false;
  return (
    roles.some((r) => actor.roles.includes(r)) ||
    (roles.includes('specialist') && actor.roles.includes('agencySystem'))
  );
}

function requireWorkOn(ctx: Ctx, roles?: readonly string[]): PlannedStep {
  const step = currentStepOf(ctx.dossier);
  if (!mayWorkOn(ctx.actor, step, roles)) {
    throw rule(
      403,
      'not-your-step',
      'token',
      `Bước "${step.name}" do ${roles?.join('/') ?? step.role} của ${step.agency} xử lý / this step belongs to ${roles?.join('/') ?? step.role} at ${step.agency}`,
    );
  }
  return step;
}

/** The step that is finished, with its early / on time / late result. */
function finishStep(ctx: Ctx, step: PlannedStep): PlannedStep {
  const timeliness = step.dueAt ? ctx.calendar.classify(ctx.now, new Date(step.dueAt)) : undefined;
  return { ...step, status: 'done', finishedAt: ctx.at, timeliness };
}

/**
 * The step that starts now: its own allowance counts from the hand-off (for a same-day
 * procedure, never past the appointment).
 */
function startStep(ctx: Ctx, step: PlannedStep, agency = step.agency): PlannedStep {
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

function handoffLine(
  ctx: Ctx,
  type: DossierEvent['type'],
  finished: PlannedStep,
  toAgency: string,
  note?: string,
  toPerson?: string,
): DossierEvent {
  const handoff: Handoff = {
    fromAgency: finished.agency,
    fromPerson: ctx.actor.username,
    toAgency,
    toPerson,
    stepIndex: finished.index,
    stepName: finished.name,
    allowance: finished.allowance,
    stepStartedAt: finished.startedAt,
    stepDueAt: finished.dueAt,
    timeliness: finished.timeliness,
  };
  return { at: ctx.at, type, agency: finished.agency, actor: ctx.actor.username, note, handoff };
}

const line = (ctx: Ctx, type: DossierEvent['type'], agency: string, note?: string): DossierEvent => ({
  at: ctx.at,
  type,
  agency,
  actor: ctx.actor.username,
  note,
});

const replaceStep = (steps: PlannedStep[], next: PlannedStep) =>
  steps.map((s) => (s.index === next.index ? next : s));

function forward(ctx: Ctx, a: Extract<DossierAction, { action: 'forward' }>): Transition {
  const d = ctx.dossier;
  const step = requireWorkOn(ctx);
  const nextIndex = step.index + 1;
  if (nextIndex >= d.steps.length) {
    throw rule(
      409,
      'last-step',
      'action',
      'Bước cuối: đánh dấu có kết quả rồi trả kết quả / last step: mark the result ready, then return it',
    );
  }
  if (step.role === 'leader' && !d.approval) {
    throw rule(
      409,
      'not-approved',
      'action',
      'Lãnh đạo cần phê duyệt trước khi chuyển / a leader step needs approval before hand-off',
    );
  }
  if (a.toAgency && !ctx.agencyExists(a.toAgency)) {
    throw rule(422, 'unknown-agency', 'body.toAgency', `Không có cơ quan ${a.toAgency} / unknown agency`);
  }
  const finished = finishStep(ctx, step);
  const next = startStep(ctx, d.steps[nextIndex], a.toAgency ?? d.steps[nextIndex].agency);
  return {
    dossier: {
      ...d,
      status: d.status === 'received' ? 'inProgress' : d.status,
      steps: replaceStep(replaceStep(d.steps, finished), next),
      currentStep: nextIndex,
      clockVersion: d.clockVersion + 1,
    },
    events: [handoffLine(ctx, 'forwarded', finished, next.agency, a.note)],
  };
}

function sendBack(ctx: Ctx, a: Extract<DossierAction, { action: 'sendBack' }>): Transition {
  const d = ctx.dossier;
  const step = requireWorkOn(ctx, [currentStepOf(d).role, 'leader']);
  if (a.toStep >= step.index)
    throw rule(422, 'not-earlier', 'body.toStep', 'Chỉ trả về bước trước / only to an earlier step');
  const finished = finishStep(ctx, step);
  const back = startStep(ctx, d.steps[a.toStep]);
  // Later steps become pending again: they will be re-done after the earlier step.
  const steps = d.steps.map((s) =>
    s.index === back.index ? back : s.index > back.index ? { ...s, status: 'pending' as const } : s,
  );
  return {
    dossier: {
      ...d,
      status: 'inProgress',
      steps,
      currentStep: back.index,
      approval: undefined,
      signature: undefined,
      clockVersion: d.clockVersion + 1,
    },
    events: [handoffLine(ctx, 'sentBack', finished, back.agency, a.reason)],
  };
}

function requestSupplement(ctx: Ctx, a: Extract<DossierAction, { action: 'requestSupplement' }>): Transition {
  const d = ctx.dossier;
  const step = requireWorkOn(ctx, ['specialist', 'leader', 'reception']);
  const pause = {
    from: ctx.at,
    stepIndex: step.index,
    reason: a.reason,
    items: a.items,
    by: ctx.actor.username,
  };
  return {
    dossier: { ...d, status: 'paused', pauses: [...d.pauses, pause], clockVersion: d.clockVersion + 1 },
    events: [
      line(ctx, 'processingPaused', step.agency, `${a.reason}: ${a.items.map((i) => i.document).join('; ')}`),
    ],
  };
}

/** Where the clocks of a dossier's due times started (see ./pauses.ts). */
function clockStarts(calendar: WorkingCalendar, d: Dossier) {
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

function receiveSupplement(ctx: Ctx, a: Extract<DossierAction, { action: 'receiveSupplement' }>): Transition {
  const d = ctx.dossier;
  const step = currentStepOf(d);
  const atCounter =
    ctx.actor.kind === 'staff' &&
    ctx.actor.agency === d.receivingAgency &&
    ctx.actor.roles.includes('reception');
  if (!atCounter && !mayWorkOn(ctx.actor, step, ['specialist', 'leader', 'reception'])) {
    throw rule(
      403,
      'not-your-step',
      'token',
      'Bộ phận một cửa hoặc cơ quan đang xử lý nhận hồ sơ bổ sung / the counter or the processing agency receives supplements',
    );
  }
  const open = d.pauses[d.pauses.length - 1];
  const pause = { from: new Date(open.from), to: ctx.now };
  const starts = clockStarts(ctx.calendar, d);
  // The time the dossier's clock stood still: the paused working time after it started.
  const workingMs = pausedAfter(ctx.calendar, starts.appointment, pause);
  const closed = { ...open, to: ctx.at, workingMs };
  const moved = (start: Date, iso: string) =>
    toVnIso(dueAfterPause(ctx.calendar, start, new Date(iso), pause));
  // Every due time still ahead moves by the paused working time inside its own clock.
  const steps = d.steps.map((s) =>
    s.status === 'done'
      ? s
      : {
          ...s,
          dueAt: s.dueAt === undefined ? undefined : moved(starts.step(s), s.dueAt),
          plannedDueAt: s.plannedDueAt === null ? null : moved(starts.plan, s.plannedDueAt),
        },
  );
  return {
    dossier: {
      ...d,
      status: d.approval ? (d.signature ? 'signed' : 'approved') : 'inProgress',
      pauses: [...d.pauses.slice(0, -1), closed],
      steps,
      appointmentAt: d.appointmentAt === null ? null : moved(starts.appointment, d.appointmentAt),
      clockVersion: d.clockVersion + 1,
    },
    events: [line(ctx, 'supplementReceived', ctx.actor.agency ?? step.agency, a.note)],
  };
}

function finish(
  ctx: Ctx,
  status: DossierStatus,
  extra: Partial<Dossier>,
  events: DossierEvent[],
): Transition {
  const d = ctx.dossier;
  const steps = d.steps.map((s) => (s.status === 'active' ? finishStep(ctx, s) : s));
  return { dossier: { ...d, ...extra, status, steps, currentStep: null, finishedAt: ctx.at }, events };
}

function apologize(ctx: Ctx, a: Extract<DossierAction, { action: 'apologize' }>): Transition {
  const d = ctx.dossier;
  const step = requireWorkOn(ctx, ['leader']);
  if (d.apology)
    throw rule(
      409,
      'already-apologized',
      'action',
      'Chỉ được hẹn lại một lần / a dossier may be re-dated once',
    );
  if (!d.appointmentAt)
    throw rule(409, 'no-appointment', 'action', 'Hồ sơ chưa có ngày hẹn / no appointment yet');
  const previous = new Date(d.appointmentAt);
  if (ctx.now.getTime() > previous.getTime()) {
    throw rule(
      409,
      'appointment-passed',
      'action',
      'Phải xin lỗi trước khi quá hạn hẹn / the apology must come before the appointment passes',
    );
  }
  const next = new Date(a.newAppointmentAt);
  if (next.getTime() <= previous.getTime())
    throw rule(
      422,
      'not-later',
      'body.newAppointmentAt',
      'Ngày hẹn mới phải sau ngày hẹn cũ / the new date must be later',
    );
  if (!ctx.calendar.isWorkingInstant(next) && !ctx.calendar.isWorkingInstant(new Date(next.getTime() - 1))) {
    throw rule(
      422,
      'not-working-time',
      'body.newAppointmentAt',
      'Ngày hẹn mới phải trong giờ làm việc / the new date must be in working hours',
    );
  }
  const apology = {
    reason: a.reason,
    previousAppointmentAt: d.appointmentAt,
    newAppointmentAt: toVnIso(next),
    at: ctx.at,
    by: ctx.actor.username,
  };
  return {
    dossier: { ...d, apology, appointmentAt: apology.newAppointmentAt, clockVersion: d.clockVersion + 1 },
    events: [line(ctx, 'apologized', step.agency, `${a.reason} — hẹn lại ${apology.newAppointmentAt}`)],
  };
}

function approve(ctx: Ctx, a: Extract<DossierAction, { action: 'approve' }>): Transition {
  const d = ctx.dossier;
  const step = requireWorkOn(ctx, ['leader']);
  if (step.role !== 'leader')
    throw rule(
      409,
      'not-a-leader-step',
      'action',
      'Chỉ phê duyệt ở bước của lãnh đạo / approval happens at a leader step',
    );
  return {
    dossier: { ...d, status: 'approved', approval: { by: ctx.actor.username, at: ctx.at, note: a.note } },
    events: [line(ctx, 'approved', step.agency, a.note)],
  };
}

function sign(ctx: Ctx): Transition {
  const d = ctx.dossier;
  const step = requireWorkOn(ctx, ['leader']);
  return {
    dossier: { ...d, status: 'signed', signature: { by: ctx.actor.username, at: ctx.at } },
    events: [line(ctx, 'signed', step.agency)],
  };
}

function markResultReady(ctx: Ctx, a: Extract<DossierAction, { action: 'markResultReady' }>): Transition {
  const d = ctx.dossier;
  const step = requireWorkOn(ctx, ['reception']);
  if (step.index !== d.steps.length - 1)
    throw rule(
      409,
      'not-last-step',
      'action',
      'Kết quả được trả ở bước cuối / results are returned at the last step',
    );
  const result = { kind: a.kind, readyAt: ctx.at, by: ctx.actor.username, documentNumber: a.documentNumber };
  return {
    dossier: { ...d, status: 'resultReady', result },
    events: [line(ctx, 'resultReady', step.agency, a.documentNumber)],
  };
}

function returnResult(ctx: Ctx, a: Extract<DossierAction, { action: 'returnResult' }>): Transition {
  const d = ctx.dossier;
  const step = requireWorkOn(ctx, ['reception']);
  if (a.method === 'post' && !a.trackingNumber)
    throw rule(
      400,
      'tracking-number-required',
      'body.trackingNumber',
      'Gửi bưu chính cần số vận đơn / postal return needs a tracking number',
    );
  const finished = finishStep(ctx, step);
  const timeliness = d.appointmentAt ? ctx.calendar.classify(ctx.now, new Date(d.appointmentAt)) : undefined;
  const returned = { method: a.method, trackingNumber: a.trackingNumber, at: ctx.at, by: ctx.actor.username };
  return finish(ctx, 'returned', { returned, timeliness }, [
    handoffLine(ctx, 'returned', finished, 'applicant', a.trackingNumber),
  ]);
}

function refuse(ctx: Ctx, a: Extract<DossierAction, { action: 'refuse' }>): Transition {
  const step = requireWorkOn(ctx, ['leader']);
  return finish(ctx, 'refused', { refusal: { reason: a.reason, at: ctx.at, by: ctx.actor.username } }, [
    line(ctx, 'refused', step.agency, a.reason),
  ]);
}

/** The applicant who submitted online, or reception staff of the receiving counter acting for them. */
function isApplicantOrCounter(ctx: Ctx, d: Dossier): boolean {
  const isApplicant =
    ctx.actor.kind === 'citizen' &&
    d.submittedBy.kind === 'citizen' &&
    d.submittedBy.subject === ctx.actor.subject;
  const isCounter =
    ctx.actor.kind === 'staff' &&
    ctx.actor.agency === d.receivingAgency &&
    ctx.actor.roles.includes('reception');
  return isApplicant || isCounter;
}

function withdraw(ctx: Ctx, a: Extract<DossierAction, { action: 'withdraw' }>): Transition {
  const d = ctx.dossier;
  if (!isApplicantOrCounter(ctx, d))
    throw rule(
      403,
      'not-applicant',
      'token',
      'Người nộp hoặc bộ phận một cửa nhận đơn rút hồ sơ / the applicant or the counter withdraws',
    );
  return finish(ctx, 'withdrawn', { withdrawal: { reason: a.reason, at: ctx.at, by: ctx.actor.username } }, [
    line(ctx, 'withdrawn', d.receivingAgency, a.reason),
  ]);
}

/**
 * The applicant completes a dossier the counter asked to supplement at reception (form 02): it
 * goes back to waiting for the counter's decision, with the documents now handed in.
 */
function resubmit(ctx: Ctx, a: Extract<DossierAction, { action: 'resubmit' }>): Transition {
  const d = ctx.dossier;
  if (!isApplicantOrCounter(ctx, d)) {
    throw rule(
      403,
      'not-applicant',
      'token',
      'Người nộp hoặc bộ phận một cửa nộp bổ sung / the applicant or the counter resubmits',
    );
  }
  return {
    dossier: { ...d, status: 'submitted', documents: a.documents ?? d.documents },
    events: [line(ctx, 'resubmitted', d.receivingAgency, a.note)],
  };
}

function assign(ctx: Ctx, a: Extract<DossierAction, { action: 'assign' }>): Transition {
  const d = ctx.dossier;
  const step = currentStepOf(d);
  const selfAssign = a.assignee === ctx.actor.username && mayWorkOn(ctx.actor, step);
  if (!selfAssign && !mayWorkOn(ctx.actor, step, ['leader'])) {
    throw rule(
      403,
      'not-your-step',
      'token',
      'Lãnh đạo cơ quan phân công, hoặc cán bộ tự nhận / the agency leader assigns, or staff take it themselves',
    );
  }
  return {
    dossier: { ...d, steps: replaceStep(d.steps, { ...step, assignee: a.assignee }) },
    events: [line(ctx, 'assigned', step.agency, a.assignee)],
  };
}

/** Applies one staff or applicant action; throws DomainRuleError when it is not allowed. */
export function applyAction(
  dossier: Dossier,
  action: DossierAction,
  actor: Actor,
  now: Date,
  calendar: WorkingCalendar,
  agencyExists: (code: string) => boolean = () => true,
): Transition {
  if (!ALLOWED_ACTIONS[dossier.status].includes(action.action)) {
    throw rule(
      409,
      'action-not-allowed',
      'body.action',
      `Không thể "${action.action}" khi hồ sơ "${dossier.status}" / "${action.action}" is not allowed while the dossier is "${dossier.status}"`,
    );
  }
  const ctx: Ctx = { dossier, actor, now, at: toVnIso(now), calendar, agencyExists };
  const transition = ((): Transition => {
    switch (action.action) {
      case 'assign':
        return assign(ctx, action);
      case 'forward':
        return forward(ctx, action);
      case 'sendBack':
        return sendBack(ctx, action);
      case 'requestSupplement':
        return requestSupplement(ctx, action);
      case 'receiveSupplement':
        return receiveSupplement(ctx, action);
      case 'refuse':
        return refuse(ctx, action);
      case 'approve':
        return approve(ctx, action);
      case 'sign':
        return sign(ctx);
      case 'apologize':
        return apologize(ctx, action);
      case 'markResultReady':
        return markResultReady(ctx, action);
      case 'returnResult':
        return returnResult(ctx, action);
      case 'withdraw':
        return withdraw(ctx, action);
      case 'resubmit':
        return resubmit(ctx, action);
    }
  })();
  return { ...transition, dossier: { ...transition.dossier, version: dossier.version + 1 } };
}
