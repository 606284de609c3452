/**
 * The deadline clock's two halves. `startClocks` turns `dossier.deadlines_changed` outbox events
 * into one state-machine execution per dossier and deadline version (the execution name makes a
 * repeated start a no-op). `checkDeadlines` is the state machine's task: it re-reads the dossier,
 * fires what is due (once each), and says how long to sleep — or that this clock is done.
 */
import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { clockExecutionName, DEADLINE_CLOCK, type DeadlineCheckResult, type DeadlineClockInput } from '../api/deadline-clock';
import { deadlineAlarms, hasRunningClock, planClock } from '../domain/lifecycle/deadlines';
import { toVnIso } from '../domain/vn-time';
import { getTenant } from '../data/catalog-repo';
import { getDossier, recordAlarm } from '../data/dossier-repo';
import { getSfnClient } from '../platform/aws-clients';
import { clock } from '../platform/clock';
import { requireEnv } from '../platform/env';
import { calendarForTenant } from './tenant-calendar';

export async function checkDeadlines(input: DeadlineClockInput): Promise<DeadlineCheckResult> {
  const dossier = await getDossier(input.tenant, input.code);
  if (!dossier) return { done: true, reason: 'missing', fired: [] };
  if (dossier.clockVersion !== input.clockVersion) return { done: true, reason: 'stale', fired: [] };
  if (!hasRunningClock(dossier)) return { done: true, reason: dossier.status === 'paused' ? 'paused' : 'finished', fired: [] };
  const settings = await getTenant(input.tenant);
  if (!settings) return { done: true, reason: 'missing', fired: [] };

  const now = clock.now();
  const { fire, next } = planClock(deadlineAlarms(dossier, calendarForTenant(settings)), now);
  const fired: string[] = [];
  for (const alarm of fire) {
    const step = alarm.stepIndex === undefined ? undefined : dossier.steps[alarm.stepIndex];
    const wrote = await recordAlarm(dossier.tenant, dossier.code, {
      id: alarm.id,
      type: alarm.type,
      dueAt: alarm.dueAt,
      stepIndex: alarm.stepIndex,
      payload: {
        type: alarm.type,
        dueAt: alarm.dueAt,
        appointmentAt: dossier.appointmentAt,
        status: dossier.status,
        ...(step ? { step: { index: step.index, name: step.name, agency: step.agency, role: step.role } } : {}),
      },
    }, toVnIso(now));
    if (wrote) fired.push(alarm.id);
  }
  if (!next) return { done: true, reason: 'nothing-left', fired };
  return { done: false, sleepSeconds: Math.max(1, Math.ceil((next.at.getTime() - now.getTime()) / 1000)), fired };
}

let stateMachineArn: string | undefined;

export async function startClock(input: DeadlineClockInput): Promise<'started' | 'already-running'> {
  stateMachineArn ??= requireEnv(DEADLINE_CLOCK.stateMachineArnEnv);
  try {
    await getSfnClient().send(
      new StartExecutionCommand({ stateMachineArn, name: clockExecutionName(input), input: JSON.stringify(input) }),
    );
    return 'started';
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists || (error as Error).name === 'ExecutionAlreadyExists') return 'already-running';
    throw error;
  }
}
