/**
 * The deadline clock's task: re-read the dossier, fire what is due (once each), and say how long
 * to sleep until the next deadline — or that this clock is done (stale, paused, finished).
 */
import type { DeadlineCheckResult, DeadlineClockInput } from '../api/deadline-clock';
import {
  alarmOutboxPayload,
  deadlineAlarms,
  hasRunningClock,
  planClock,
} from '../domain/lifecycle/deadlines';
import { toVnIso } from '../domain/vn-time';
import { getTenant } from '../data/catalog-reads';
import { getDossier } from '../data/dossier-read';
import { recordAlarm } from '../data/dossier-repo';
import { clock } from '../platform/clock';
import { calendarForTenant } from './tenant-calendar';

export async function checkDeadlines(input: DeadlineClockInput): Promise<DeadlineCheckResult> {
  const dossier = await getDossier(input.tenant, input.code);
  if (!dossier) return { done: true, reason: 'missing', fired: [] };
  if (dossier.clockVersion !== input.clockVersion) return { done: true, reason: 'stale', fired: [] };
  if (!hasRunningClock(dossier))
    return { done: true, reason: dossier.status === 'paused' ? 'paused' : 'finished', fired: [] };
  const settings = await getTenant(input.tenant);
  if (!settings) return { done: true, reason: 'missing', fired: [] };

  const now = clock.now();
  const { fire, next } = planClock(deadlineAlarms(dossier, calendarForTenant(settings)), now);
  const fired: string[] = [];
  for (const alarm of fire) {
    const wrote = await recordAlarm(
      dossier.tenant,
      dossier.code,
      {
        id: alarm.id,
        type: alarm.type,
        dueAt: alarm.dueAt,
        stepIndex: alarm.stepIndex,
        payload: alarmOutboxPayload(dossier, alarm),
      },
      toVnIso(now),
    );
    if (wrote) fired.push(alarm.id);
  }
  if (!next) return { done: true, reason: 'nothing-left', fired };
  return {
    done: false,
    sleepSeconds: Math.max(1, Math.ceil((next.at.getTime() - now.getTime()) / 1000)),
    fired,
  };
}
