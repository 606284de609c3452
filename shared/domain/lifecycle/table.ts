/**
 * THE LIFECYCLE TABLE: every action on a dossier, reception decisions included, written once —
 * from which statuses, who may take it, its request body, its guard and effect on the dossier
 * and its clocks, the history line it writes, the outbox event it announces and its labels (the
 * last three spread from ./history-lines.ts, which names them for what only shows history).
 * Everything else is derived from it: the request schemas (shared/api/schemas/actions.ts), the
 * allowed actions per status, the labels in views, the event catalog (./events.ts) and
 * docs/lifecycle.md (`npm run docs:lifecycle`). The engine (./engine.ts) runs an entry and bumps
 * the version. Adding an action is adding an entry here.
 */
import * as z from 'zod/mini';
import { toVnIso } from '../vn-time';
import type { PlannedStep } from '../dossier/model';
import { appointmentFor, planSteps } from '../dossier/plan';
import {
  EVALUATION_COMMENT_MAX,
  EVALUATION_CRITERION_KEYS,
  EVALUATION_LEVEL_KEYS,
  EVALUATION_LEVELS,
} from '../dossier/evaluation';
import { dueAfterPause, pausedAfter } from './pauses';
import { ACTION_LINES, SUBMISSION } from './history-lines';
import { defineAction } from './spec';
import {
  clockStarts,
  currentStepOf,
  finished,
  finishStep,
  handoffOf,
  replaceStep,
  rule,
  startStep,
} from './steps';

/** Statuses in which a dossier is being processed after acceptance. */
const PROCESSING = ['received', 'inProgress', 'paused', 'approved', 'signed'] as const;
const STAFF_AT_STEP = ['specialist', 'leader', 'reception'] as const;
const APPLICANT_OR_COUNTER = [
  { relation: 'applicant' },
  { relation: 'counter', roles: ['reception'] },
] as const;

/**
 * A reception decision is the receiving counter's alone, and who is checked before the status:
 * another agency learns nothing of where the dossier stands.
 */
const RECEPTION_DECISION = {
  who: [{ relation: 'counter' }],
  denied: {
    rule: 'other-counter',
    message: 'Chỉ bộ phận một cửa nhận hồ sơ mới quyết định / only the receiving counter decides',
  },
  accessFirst: true,
  wrongStatus: {
    rule: 'already-decided',
    field: 'status',
    message: (status: string) =>
      `Hồ sơ đang ở trạng thái ${status}, không chờ tiếp nhận / not waiting for reception`,
  },
} as const;

export { SUBMISSION };

export const LIFECYCLE = {
  // --- Reception: the receiving counter's decision on a submitted dossier -------------------------
  accept: defineAction({
    request: { route: 'reception-decision', outcome: 'accept' },
    from: ['submitted'],
    ...RECEPTION_DECISION,
    body: (f) => ({ note: z.optional(f.lines(1000)) }),
    rule: 'Records the dossier code, the appointment and every step’s planned due time; the first step starts.',
    clocks: 'starts the appointment and the first step',
    form: '01',
    apply: (ctx, body) => {
      const d = ctx.dossier;
      if (!ctx.procedure) throw new Error('accept needs the procedure');
      const appointment = appointmentFor(ctx.procedure, ctx.now, ctx.calendar);
      const steps = planSteps(ctx.procedure, d.competentAgency, ctx.now, ctx.calendar);
      steps[0] = { ...steps[0], startedAt: ctx.at, dueAt: steps[0].plannedDueAt ?? undefined };
      return {
        dossier: {
          ...d,
          status: 'received',
          receivedAt: ctx.at,
          appointmentAt: toVnIso(appointment),
          steps,
          currentStep: 0,
          receivedBy: ctx.actor.username,
          clockVersion: d.clockVersion + 1,
        },
        agency: d.receivingAgency,
        note: body.note,
      };
    },
    ...ACTION_LINES.accept,
  }),
  requestSupplementAtReception: defineAction({
    request: { route: 'reception-decision', outcome: 'requestSupplement' },
    from: ['submitted'],
    ...RECEPTION_DECISION,
    body: (f) => ({
      items: z.array(f.supplementItem).check(z.minLength(1), z.maxLength(50)),
      note: z.optional(f.lines(1000)),
    }),
    rule: 'Records what to add and why; the applicant completes it with `resubmit`.',
    form: '02',
    apply: (ctx, body) => ({
      dossier: {
        ...ctx.dossier,
        status: 'supplementRequested',
        supplementRequest: { items: body.items, note: body.note, at: ctx.at, by: ctx.actor.username },
      },
      agency: ctx.dossier.receivingAgency,
      note: body.items.map((i) => i.document).join('; '),
    }),
    ...ACTION_LINES.requestSupplementAtReception,
  }),
  refuseAtReception: defineAction({
    request: { route: 'reception-decision', outcome: 'refuse' },
    from: ['submitted'],
    ...RECEPTION_DECISION,
    body: (f) => ({ reason: f.lines(2000).check(z.minLength(1)) }),
    rule: 'Records the reason; the dossier is finished.',
    form: '03',
    apply: (ctx, body) => ({
      dossier: {
        ...ctx.dossier,
        status: 'refused',
        refusal: { reason: body.reason, at: ctx.at, by: ctx.actor.username },
      },
      agency: ctx.dossier.receivingAgency,
      note: body.reason,
    }),
    ...ACTION_LINES.refuseAtReception,
  }),
  resubmit: defineAction({
    request: { route: 'actions' },
    from: ['supplementRequested'],
    who: APPLICANT_OR_COUNTER,
    denied: {
      rule: 'not-applicant',
      message: 'Người nộp hoặc bộ phận một cửa nộp bổ sung / the applicant or the counter resubmits',
    },
    body: (f) => ({
      /** The documents as now handed in; omitted: unchanged. */
      documents: z.optional(z.array(f.submittedDocument).check(z.maxLength(50))),
      note: z.optional(f.lines(2000)),
    }),
    rule: 'The dossier waits for the counter’s decision again, with the documents now handed in.',
    apply: (ctx, body) => ({
      dossier: { ...ctx.dossier, status: 'submitted', documents: body.documents ?? ctx.dossier.documents },
      agency: ctx.dossier.receivingAgency,
      note: body.note,
    }),
    ...ACTION_LINES.resubmit,
  }),

  // --- Processing: the steps after acceptance -----------------------------------------------------
  assign: defineAction({
    request: { route: 'actions' },
    from: ['received', 'inProgress'],
    who: [
      { relation: 'step', roles: ['leader'] },
      {
        relation: 'step',
        roles: ['step'],
        when: { en: 'taking it themselves', holds: (ctx, body) => body.assignee === ctx.actor.username },
      },
    ],
    denied: {
      rule: 'not-your-step',
      message:
        'Lãnh đạo cơ quan phân công, hoặc cán bộ tự nhận / the agency leader assigns, or staff take it themselves',
    },
    body: (f) => ({ assignee: f.username }),
    rule: 'Names who works on the current step.',
    apply: (ctx, body) => {
      const step = currentStepOf(ctx.dossier);
      return {
        dossier: {
          ...ctx.dossier,
          steps: replaceStep(ctx.dossier.steps, { ...step, assignee: body.assignee }),
        },
        agency: step.agency,
        note: body.assignee,
      };
    },
    ...ACTION_LINES.assign,
  }),
  forward: defineAction({
    request: { route: 'actions' },
    from: ['received', 'inProgress', 'approved', 'signed'],
    who: [{ relation: 'step', roles: ['step'] }],
    body: (f) => ({
      /** Route the next step to another agency than the procedure says (same level or across levels). */
      toAgency: z.optional(f.agencyCode),
      note: z.optional(f.lines(2000)),
    }),
    rule: 'Not from the last step; a leader step needs approval first; `toAgency` must exist. The step ends (early / on time / late) and the next one starts.',
    clocks: 'the next step’s allowance counts from the hand-off',
    apply: (ctx, body) => {
      const d = ctx.dossier;
      const step = currentStepOf(d);
      const nextIndex = step.index + 1;
      if (nextIndex >= d.steps.length)
        throw rule(
          409,
          'last-step',
          'action',
          'Bước cuối: đánh dấu có kết quả rồi trả kết quả / last step: mark the result ready, then return it',
        );
      if (step.role === 'leader' && !d.approval)
        throw rule(
          409,
          'not-approved',
          'action',
          'Lãnh đạo cần phê duyệt trước khi chuyển / a leader step needs approval before hand-off',
        );
      if (body.toAgency && !ctx.agencyExists(body.toAgency))
        throw rule(
          422,
          'unknown-agency',
          'body.toAgency',
          `Không có cơ quan ${body.toAgency} / unknown agency`,
        );
      const done = finishStep(ctx, step);
      const next = startStep(ctx, d.steps[nextIndex], body.toAgency ?? d.steps[nextIndex].agency);
      return {
        dossier: {
          ...d,
          status: d.status === 'received' ? 'inProgress' : d.status,
          steps: replaceStep(replaceStep(d.steps, done), next),
          currentStep: nextIndex,
          clockVersion: d.clockVersion + 1,
        },
        agency: done.agency,
        note: body.note,
        handoff: handoffOf(ctx, done, next.agency),
      };
    },
    ...ACTION_LINES.forward,
  }),
  sendBack: defineAction({
    request: { route: 'actions' },
    from: ['inProgress', 'approved', 'signed'],
    who: [{ relation: 'step', roles: ['step', 'leader'] }],
    body: (f) => ({ toStep: f.stepIndex, reason: f.lines(2000).check(z.minLength(1)) }),
    rule: 'Only to an earlier step, which starts again; later steps are pending again; approval and signature are dropped.',
    clocks: 'the earlier step’s allowance counts from the hand-off',
    apply: (ctx, body) => {
      const d = ctx.dossier;
      const step = currentStepOf(d);
      if (body.toStep >= step.index)
        throw rule(422, 'not-earlier', 'body.toStep', 'Chỉ trả về bước trước / only to an earlier step');
      const done = finishStep(ctx, step);
      const back = startStep(ctx, d.steps[body.toStep]);
      // Later steps become pending again: they will be re-done after the earlier step.
      const steps = d.steps.map((s): PlannedStep =>
        s.index === back.index ? back : s.index > back.index ? { ...s, status: 'pending' } : s,
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
        agency: done.agency,
        note: body.reason,
        handoff: handoffOf(ctx, done, back.agency),
      };
    },
    ...ACTION_LINES.sendBack,
  }),
  requestSupplement: defineAction({
    request: { route: 'actions' },
    from: ['received', 'inProgress'],
    who: [{ relation: 'step', roles: STAFF_AT_STEP }],
    body: (f) => ({
      items: z.array(f.supplementItem).check(z.minLength(1), z.maxLength(50)),
      reason: f.lines(2000).check(z.minLength(1)),
    }),
    rule: 'Opens a pause recording what to add and why.',
    clocks: 'stops every clock',
    form: '02',
    apply: (ctx, body) => {
      const d = ctx.dossier;
      const step = currentStepOf(d);
      const pause = {
        from: ctx.at,
        stepIndex: step.index,
        reason: body.reason,
        items: body.items,
        by: ctx.actor.username,
      };
      return {
        dossier: { ...d, status: 'paused', pauses: [...d.pauses, pause], clockVersion: d.clockVersion + 1 },
        agency: step.agency,
        note: `${body.reason}: ${body.items.map((i) => i.document).join('; ')}`,
      };
    },
    ...ACTION_LINES.requestSupplement,
  }),
  receiveSupplement: defineAction({
    request: { route: 'actions' },
    from: ['paused'],
    who: [
      { relation: 'counter', roles: ['reception'] },
      { relation: 'step', roles: STAFF_AT_STEP },
    ],
    denied: {
      rule: 'not-your-step',
      message:
        'Bộ phận một cửa hoặc cơ quan đang xử lý nhận hồ sơ bổ sung / the counter or the processing agency receives supplements',
    },
    body: (f) => ({ note: z.optional(f.lines(2000)) }),
    rule: 'Closes the pause with the working time it lasted; the dossier goes back to where it was (in progress, approved or signed).',
    clocks: 'restarts; every due time still ahead moves by the paused working time inside its own clock',
    apply: (ctx, body) => {
      const d = ctx.dossier;
      const step = currentStepOf(d);
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
        agency: ctx.actor.agency ?? step.agency,
        note: body.note,
      };
    },
    ...ACTION_LINES.receiveSupplement,
  }),
  approve: defineAction({
    request: { route: 'actions' },
    from: ['inProgress'],
    who: [{ relation: 'step', roles: ['leader'] }],
    body: (f) => ({ note: z.optional(f.lines(2000)) }),
    rule: 'Only at a leader step.',
    apply: (ctx, body) => {
      const step = currentStepOf(ctx.dossier);
      if (step.role !== 'leader')
        throw rule(
          409,
          'not-a-leader-step',
          'action',
          'Chỉ phê duyệt ở bước của lãnh đạo / approval happens at a leader step',
        );
      return {
        dossier: {
          ...ctx.dossier,
          status: 'approved',
          approval: { by: ctx.actor.username, at: ctx.at, note: body.note },
        },
        agency: step.agency,
        note: body.note,
      };
    },
    ...ACTION_LINES.approve,
  }),
  sign: defineAction({
    request: { route: 'actions' },
    from: ['approved'],
    who: [{ relation: 'step', roles: ['leader'] }],
    body: () => ({}),
    rule: 'Records the signature.',
    apply: (ctx) => ({
      dossier: { ...ctx.dossier, status: 'signed', signature: { by: ctx.actor.username, at: ctx.at } },
      agency: currentStepOf(ctx.dossier).agency,
    }),
    ...ACTION_LINES.sign,
  }),
  apologize: defineAction({
    request: { route: 'actions' },
    from: ['received', 'inProgress', 'approved', 'signed'],
    who: [{ relation: 'step', roles: ['leader'] }],
    body: (f) => ({ reason: f.lines(2000).check(z.minLength(1)), newAppointmentAt: f.instant }),
    rule: 'Once per dossier, before the appointment passes, to a later working instant.',
    clocks: 'moves the appointment',
    form: '04',
    apply: (ctx, body) => {
      const d = ctx.dossier;
      const step = currentStepOf(d);
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
      if (ctx.now.getTime() > previous.getTime())
        throw rule(
          409,
          'appointment-passed',
          'action',
          'Phải xin lỗi trước khi quá hạn hẹn / the apology must come before the appointment passes',
        );
      const next = new Date(body.newAppointmentAt);
      if (next.getTime() <= previous.getTime())
        throw rule(
          422,
          'not-later',
          'body.newAppointmentAt',
          'Ngày hẹn mới phải sau ngày hẹn cũ / the new date must be later',
        );
      if (
        !ctx.calendar.isWorkingInstant(next) &&
        !ctx.calendar.isWorkingInstant(new Date(next.getTime() - 1))
      )
        throw rule(
          422,
          'not-working-time',
          'body.newAppointmentAt',
          'Ngày hẹn mới phải trong giờ làm việc / the new date must be in working hours',
        );
      const apology = {
        reason: body.reason,
        previousAppointmentAt: d.appointmentAt,
        newAppointmentAt: toVnIso(next),
        at: ctx.at,
        by: ctx.actor.username,
      };
      return {
        dossier: { ...d, apology, appointmentAt: apology.newAppointmentAt, clockVersion: d.clockVersion + 1 },
        agency: step.agency,
        note: `${body.reason} — hẹn lại ${apology.newAppointmentAt}`,
      };
    },
    ...ACTION_LINES.apologize,
  }),
  markResultReady: defineAction({
    request: { route: 'actions' },
    from: ['approved', 'signed'],
    who: [{ relation: 'step', roles: ['reception', 'clerk'] }],
    body: (f) => ({
      kind: z.enum(['paper', 'electronic', 'both']),
      documentNumber: z.optional(f.line(100)),
    }),
    rule: 'Only at the last step.',
    apply: (ctx, body) => {
      const d = ctx.dossier;
      const step = currentStepOf(d);
      if (step.index !== d.steps.length - 1)
        throw rule(
          409,
          'not-last-step',
          'action',
          'Kết quả được trả ở bước cuối / results are returned at the last step',
        );
      return {
        dossier: {
          ...d,
          status: 'resultReady',
          result: {
            kind: body.kind,
            readyAt: ctx.at,
            by: ctx.actor.username,
            documentNumber: body.documentNumber,
          },
        },
        agency: step.agency,
        note: body.documentNumber,
      };
    },
    ...ACTION_LINES.markResultReady,
  }),
  returnResult: defineAction({
    request: { route: 'actions' },
    from: ['resultReady'],
    who: [{ relation: 'step', roles: ['reception', 'clerk'] }],
    body: (f) => ({
      method: z.enum(['counter', 'post', 'online']),
      trackingNumber: z.optional(f.line(50).check(z.minLength(1))),
    }),
    rule: 'By post needs a tracking number. The last step ends and the dossier is finished early / on time / late against its appointment.',
    clocks: 'ends every clock',
    apply: (ctx, body) => {
      const d = ctx.dossier;
      const step = currentStepOf(d);
      if (body.method === 'post' && !body.trackingNumber)
        throw rule(
          400,
          'tracking-number-required',
          'body.trackingNumber',
          'Gửi bưu chính cần số vận đơn / postal return needs a tracking number',
        );
      const done = finishStep(ctx, step);
      const timeliness = d.appointmentAt
        ? ctx.calendar.classify(ctx.now, new Date(d.appointmentAt))
        : undefined;
      const returned = {
        method: body.method,
        trackingNumber: body.trackingNumber,
        at: ctx.at,
        by: ctx.actor.username,
      };
      return {
        dossier: finished(ctx, 'returned', { returned, timeliness }),
        agency: done.agency,
        note: body.trackingNumber,
        handoff: handoffOf(ctx, done, 'applicant'),
      };
    },
    ...ACTION_LINES.returnResult,
  }),
  refuse: defineAction({
    request: { route: 'actions' },
    from: ['received', 'inProgress', 'paused'],
    who: [{ relation: 'step', roles: ['leader'] }],
    body: (f) => ({ reason: f.lines(2000).check(z.minLength(1)) }),
    rule: 'Records the reason; the dossier is finished.',
    clocks: 'ends every clock',
    apply: (ctx, body) => ({
      dossier: finished(ctx, 'refused', {
        refusal: { reason: body.reason, at: ctx.at, by: ctx.actor.username },
      }),
      agency: currentStepOf(ctx.dossier).agency,
      note: body.reason,
    }),
    ...ACTION_LINES.refuse,
  }),
  withdraw: defineAction({
    request: { route: 'actions' },
    from: ['submitted', 'supplementRequested', ...PROCESSING],
    who: APPLICANT_OR_COUNTER,
    denied: {
      rule: 'not-applicant',
      message: 'Người nộp hoặc bộ phận một cửa nhận đơn rút hồ sơ / the applicant or the counter withdraws',
    },
    body: (f) => ({ reason: f.lines(2000).check(z.minLength(1)) }),
    rule: 'Records the reason; the dossier is finished.',
    clocks: 'ends every clock',
    apply: (ctx, body) => ({
      dossier: finished(ctx, 'withdrawn', {
        withdrawal: { reason: body.reason, at: ctx.at, by: ctx.actor.username },
      }),
      agency: ctx.dossier.receivingAgency,
      note: body.reason,
    }),
    ...ACTION_LINES.withdraw,
  }),
  evaluate: defineAction({
    request: { route: 'actions' },
    // The one action on a finished dossier: the rating of what was returned (issue 12 §1).
    from: ['returned'],
    who: APPLICANT_OR_COUNTER,
    denied: {
      rule: 'not-applicant',
      message:
        'Người nộp hoặc bộ phận một cửa (máy đánh giá tại quầy) đánh giá / the applicant or the counter kiosk rates',
    },
    body: (f) => ({
      level: z.enum(EVALUATION_LEVEL_KEYS),
      /** Free text: kept on the dossier, never in an event or a webhook. */
      comment: z.optional(f.lines(EVALUATION_COMMENT_MAX)),
      scores: z.optional(
        z.partialRecord(z.enum(EVALUATION_CRITERION_KEYS), z.number().check(z.int(), z.gte(1), z.lte(5))),
      ),
    }),
    rule: 'Once per dossier, after the result is returned: the applicant with their own token, or reception staff of the receiving agency recording the applicant’s choice at a kiosk. The status stays `returned`.',
    apply: (ctx, body) => {
      const d = ctx.dossier;
      if (d.evaluation)
        throw rule(
          409,
          'already-evaluated',
          'action',
          'Hồ sơ đã được đánh giá / the dossier was already rated',
        );
      const evaluation = {
        level: body.level,
        ...(body.comment ? { comment: body.comment } : {}),
        ...(body.scores && Object.keys(body.scores).length > 0 ? { scores: body.scores } : {}),
        at: ctx.at,
        by: ctx.actor.username,
        via: ctx.actor.kind === 'citizen' ? ('citizen' as const) : ('kiosk' as const),
      };
      // The history line names the level, never the comment (free text stays on the dossier).
      return {
        dossier: { ...d, evaluation },
        agency: d.receivingAgency,
        note: EVALUATION_LEVELS[body.level].vi,
      };
    },
    ...ACTION_LINES.evaluate,
  }),
};

export type Lifecycle = typeof LIFECYCLE;
export type ActionKey = keyof Lifecycle;
