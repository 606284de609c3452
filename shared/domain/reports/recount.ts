/**
 * The brute-force recount (issue 12 §3's drift check and the unit test's oracle): a dossier's flow
 * increments computed from the dossier as it is now — its dates, pauses, apology, result, return
 * and evaluation — and the overdue alarms its deadline clock fired, without its events. It must
 * agree with ./count.ts folded over the dossier's events; the rebuild tool and the test check that.
 */
import type { Dossier } from '../dossier/model';
import { classifyFinish, EVALUATION_FIGURE, type CellKey, type Increment } from './count';
import type { Flows } from './figures';
import { dayOf } from './periods';

export interface RecountInput {
  dossier: Dossier;
  /** Due times of the dossier.overdue alarms fired for it (deadline marks). */
  overdueDueAts: readonly string[];
}

export const cellOf = (d: Dossier): CellKey => ({
  agency: d.competentAgency,
  field: d.procedure.field,
  procedure: d.procedure.code,
});

const ms = (iso: string) => new Date(iso).getTime();

export function recountDossier({ dossier: d, overdueDueAts }: RecountInput): Increment[] {
  const cell = cellOf(d);
  const out: Increment[] = [];
  const add = (at: string, flows: Flows) => out.push({ day: dayOf(at), cell, flows });
  // Only accepted dossiers enter the count; refusal and withdrawal before acceptance never do.
  if (!d.receivedAt) return out;
  add(d.receivedAt, {
    received: 1,
    [d.channel === 'counter'
      ? 'receivedCounter'
      : d.channel === 'online'
        ? 'receivedOnline'
        : 'receivedPostal']: 1,
  });
  const closedAt = d.result?.readyAt ?? d.refusal?.at ?? d.withdrawal?.at;
  const due = overdueDueAts
    .filter((t) => closedAt === undefined || ms(t) < ms(closedAt))
    .sort((a, b) => ms(a) - ms(b))[0];
  if (due) add(due, { becameOverdue: 1 });
  const overdueClosed = due && closedAt ? { overdueClosed: 1 } : {};
  if (d.result && d.appointmentAt) {
    const t = classifyFinish(d.result.readyAt, d.appointmentAt);
    add(d.result.readyAt, {
      [t === 'early' ? 'resolvedEarly' : t === 'onTime' ? 'resolvedOnTime' : 'resolvedLate']: 1,
      ...overdueClosed,
    });
  } else if (d.refusal) add(d.refusal.at, { refused: 1, ...overdueClosed });
  else if (d.withdrawal) add(d.withdrawal.at, { withdrawn: 1, ...overdueClosed });
  for (const p of d.pauses) add(p.from, { supplementRequests: 1 });
  if (d.apology) add(d.apology.at, { apologies: 1 });
  if (d.returned?.method === 'post') add(d.returned.at, { returnedByPost: 1 });
  if (d.evaluation) add(d.evaluation.at, { [EVALUATION_FIGURE[d.evaluation.level]]: 1 });
  return out;
}
