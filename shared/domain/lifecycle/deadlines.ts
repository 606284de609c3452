/**
 * When a dossier's deadlines warn and fire. A deadline is "due soon" once a quarter of its working
 * time remains, at most one working day (8 working hours) before it; "overdue" once it passed.
 * Paused and finished dossiers have no running clock. Each alarm has a fixed id made of its kind,
 * step and due instant, so however often the clock re-runs it fires once — and a new due time
 * (after a pause or an apology) is a new alarm.
 */
import type { WorkingCalendar } from '../calendar';
import type { Dossier } from '../dossier/model';
import { TIMELINESS_LABELS } from '../dossier/labels';
import { dossierStateOf } from '../dossier/state';
import type { AlarmType } from './event-types';
import { FINAL_STATUSES } from './statuses';

export type { AlarmType };

export interface DeadlineAlarm {
  id: string;
  type: AlarmType;
  at: Date;
  dueAt: string;
  stepIndex?: number;
}

const HOUR = 3_600_000;
const MAX_WARNING_MS = 8 * HOUR;

/** The instant from which a deadline counts as due soon. */
export function dueSoonAt(calendar: WorkingCalendar, startedAt: Date, dueAt: Date): Date {
  const total = calendar.elapsedWorkingTime(startedAt, dueAt);
  const warning = Math.min(MAX_WARNING_MS, total / 4);
  return calendar.addWorkingHours(startedAt, (total - warning) / HOUR);
}

export function hasRunningClock(d: Dossier): boolean {
  return (
    !FINAL_STATUSES.has(d.status) &&
    d.status !== 'paused' &&
    d.currentStep !== null &&
    d.appointmentAt !== null
  );
}

export function deadlineAlarms(d: Dossier, calendar: WorkingCalendar): DeadlineAlarm[] {
  if (!hasRunningClock(d) || !d.appointmentAt || !d.receivedAt) return [];
  const appointment = new Date(d.appointmentAt);
  const alarms: DeadlineAlarm[] = [
    {
      id: `dossier.due_soon#${d.appointmentAt}`,
      type: 'dossier.due_soon',
      at: dueSoonAt(calendar, new Date(d.receivedAt), appointment),
      dueAt: d.appointmentAt,
    },
    {
      id: `dossier.overdue#${d.appointmentAt}`,
      type: 'dossier.overdue',
      at: appointment,
      dueAt: d.appointmentAt,
    },
  ];
  const step = d.currentStep === null ? undefined : d.steps[d.currentStep];
  if (step?.dueAt) {
    alarms.push({
      id: `step.overdue#${step.index}#${step.dueAt}`,
      type: 'step.overdue',
      at: new Date(step.dueAt),
      dueAt: step.dueAt,
      stepIndex: step.index,
    });
  }
  return alarms;
}

/**
 * The outbox payload of a fired alarm (alarmPayload in ./events.ts): the dossier's state, the
 * version it was read at (an alarm changes none; webhook receivers order by it), what came due,
 * and the step for a step's alarm.
 */
export function alarmOutboxPayload(d: Dossier, alarm: DeadlineAlarm): Record<string, unknown> {
  const step = alarm.stepIndex === undefined ? undefined : d.steps[alarm.stepIndex];
  return {
    ...dossierStateOf(d),
    version: d.version,
    type: alarm.type,
    dueAt: alarm.dueAt,
    ...(step ? { step: { index: step.index, name: step.name, agency: step.agency, role: step.role } } : {}),
  };
}

/** Flags a work queue shows for a step: due soon and overdue, as of `now`. */
export function stepFlags(
  calendar: WorkingCalendar,
  startedAt: string | undefined,
  dueAt: string | undefined,
  now: Date,
) {
  if (!dueAt) return { dueSoon: false, overdue: false };
  const due = new Date(dueAt);
  const overdue = calendar.isOverdue(now, due);
  const soon = startedAt ? dueSoonAt(calendar, new Date(startedAt), due) : due;
  return { dueSoon: !overdue && now.getTime() >= soon.getTime(), overdue };
}

export interface ClockPlan {
  fire: DeadlineAlarm[];
  /** The next alarm still ahead, if any: the clock sleeps until it. */
  next?: DeadlineAlarm;
}

export function planClock(alarms: readonly DeadlineAlarm[], now: Date): ClockPlan {
  const fire = alarms.filter((a) => a.at.getTime() <= now.getTime());
  const ahead = alarms
    .filter((a) => a.at.getTime() > now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return { fire, next: ahead[0] };
}

export type DeadlineState = 'early' | 'onTime' | 'late' | 'withinDeadline' | 'overdue' | 'paused' | 'none';

const DEADLINE_LABELS: Record<DeadlineState, string> = {
  ...TIMELINESS_LABELS,
  withinDeadline: 'Trong hạn',
  overdue: 'Quá hạn',
  paused: 'Tạm dừng tính thời hạn',
  none: 'Chưa có hạn',
};

/** A finished dossier was early / on time / late; a pending one is within deadline or overdue. */
export function deadlineState(d: Dossier, now: Date): { state: DeadlineState; label: string } {
  const state: DeadlineState = d.timeliness
    ? d.timeliness
    : d.status === 'paused'
      ? 'paused'
      : !hasRunningClock(d) || !d.appointmentAt
        ? 'none'
        : now.getTime() > new Date(d.appointmentAt).getTime()
          ? 'overdue'
          : 'withinDeadline';
  return { state, label: DEADLINE_LABELS[state] };
}
