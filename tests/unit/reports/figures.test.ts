/**
 * Issue 12 §2–3 in the pure model: a year of a test province (fixed seed, the real lifecycle
 * engine) folded through the counter function — events shuffled, every one delivered twice —
 * equals a brute-force recount from the final dossiers in every cell of every period level; the
 * identity holds in every report row, and pending / overdue equal a count of the open dossiers at
 * each period's end.
 */
import { readFileSync } from 'node:fs';
import { renderFiguresBlock, REPORTS_DOC } from '../../../tools/reports-doc';
import {
  assembleReport,
  countEvent,
  dayOf,
  EMPTY_REPORT_STATE,
  FIGURES,
  identityHolds,
  PERIOD_LEVELS,
  periodEnd,
  periodRange,
  recountDossier,
  sumByPeriod,
  type DossierReportState,
  type FlowTable,
  type Increment,
} from '../../../shared/domain/reports';
import { generateYear, rng, type GeneratedDossier } from './province-year';

const YEAR = generateYear(3000, 20261201);

function fold(dossiers: GeneratedDossier[], deliveries: number, seed: number): Increment[] {
  const r = rng(seed);
  const facts = new Map(
    dossiers.map((g) => [
      g.dossier.code,
      {
        field: g.dossier.procedure.field,
        channel: g.dossier.channel,
        evaluationLevel: g.dossier.evaluation?.level,
        returnMethod: g.dossier.returned?.method,
      },
    ]),
  );
  const messages = dossiers.flatMap((g) =>
    g.events.flatMap((e) => Array.from({ length: deliveries }, () => ({ code: g.dossier.code, e }))),
  );
  // Any order: a queue promises none.
  for (let i = messages.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [messages[i], messages[j]] = [messages[j], messages[i]];
  }
  const states = new Map<string, DossierReportState>();
  const out: Increment[] = [];
  for (const { code, e } of messages) {
    const { state, increments } = countEvent(states.get(code) ?? EMPTY_REPORT_STATE, e, facts.get(code)!);
    states.set(code, state);
    out.push(...increments);
  }
  return out;
}

/** Tables compared as plain objects with zero flows dropped. */
const plain = (t: FlowTable) => {
  const o: Record<string, Record<string, Record<string, number>>> = {};
  for (const [period, cells] of t)
    for (const [cell, flows] of cells) {
      const nz = Object.fromEntries(Object.entries(flows).filter(([, v]) => v !== 0));
      if (Object.keys(nz).length > 0) (o[period] ??= {})[cell] = nz;
    }
  return o;
};

describe('report figures over a generated year', () => {
  const recount = YEAR.flatMap((g) => recountDossier(g));
  const counted = fold(YEAR, 1, 7);

  it('covers what the issue asks for', () => {
    const all = sumByPeriod(recount, 'year');
    const totals: Record<string, number> = {};
    for (const cells of all.values())
      for (const flows of cells.values())
        for (const [k, v] of Object.entries(flows)) totals[k] = (totals[k] ?? 0) + v;
    // The mix the seed makes, for the report: REPORT_MIX=1 npx jest tests/unit/reports
    if (process.env.REPORT_MIX) console.log(totals);
    for (const f of [
      'receivedCounter',
      'receivedOnline',
      'receivedPostal',
      'resolvedEarly',
      'resolvedOnTime',
      'resolvedLate',
      'refused',
      'withdrawn',
      'becameOverdue',
      'overdueClosed',
      'supplementRequests',
      'apologies',
      'returnedByPost',
      'evaluationsVeryGood',
      'evaluationsPoor',
    ])
      expect([f, (totals[f] ?? 0) > 10]).toEqual([f, true]);
  });

  it('an earlier alarm arriving after a later one moves the overdue day; a close before the alarm still counts it', () => {
    const facts = { field: 'dat-dai', channel: 'counter' as const };
    const base = { competentAgency: 'A', procedure: 'P', appointmentAt: '2026-03-20T17:00:00+07:00' };
    const alarm = (dueAt: string) => ({
      ...base,
      id: `alarm#${dueAt}`,
      type: 'dossier.overdue',
      at: dueAt,
      dueAt,
    });
    const late = countEvent(EMPTY_REPORT_STATE, alarm('2026-04-10T17:00:00+07:00'), facts);
    const early = countEvent(late.state, alarm('2026-03-20T17:00:00+07:00'), facts);
    expect(early.increments.map((i) => [i.day, i.flows])).toEqual([
      ['2026-04-10', { becameOverdue: -1 }],
      ['2026-03-20', { becameOverdue: 1 }],
    ]);
    const closed = countEvent(
      EMPTY_REPORT_STATE,
      { ...base, id: 'ready', type: 'dossier.result_ready', at: '2026-05-04T09:00:00+07:00' },
      facts,
    );
    expect(closed.increments[0].flows).toEqual({ resolvedLate: 1 });
    const after = countEvent(closed.state, alarm('2026-03-20T17:00:00+07:00'), facts);
    expect(after.increments.map((i) => [i.day, i.flows])).toEqual([
      ['2026-03-20', { becameOverdue: 1 }],
      ['2026-05-04', { overdueClosed: 1 }],
    ]);
    expect(countEvent(after.state, alarm('2026-03-20T17:00:00+07:00'), facts).increments).toEqual([]);
  });

  it.each(PERIOD_LEVELS)('the counters equal the brute-force recount in every cell, per %s', (level) => {
    expect(plain(sumByPeriod(counted, level))).toEqual(plain(sumByPeriod(recount, level)));
  });

  it('delivering every event twice, in another order, changes no counter', () => {
    const twice = fold(YEAR, 2, 99);
    for (const level of PERIOD_LEVELS)
      expect(plain(sumByPeriod(twice, level))).toEqual(plain(sumByPeriod(counted, level)));
  });

  it.each(['month', 'quarter', 'year'] as const)(
    'per %s: the identity holds in every row and pending / overdue equal the open dossiers at the end',
    (level) => {
      const flows = sumByPeriod(counted, level);
      const periods = periodRange(level, [...flows.keys()].sort()[0], [...flows.keys()].sort().at(-1)!);
      const rows = assembleReport(periods, flows, new Map());
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(identityHolds(row.figures)).toBe(true);
        expect(row.figures.pendingWithinDeadline).toBeGreaterThanOrEqual(0);
        expect(row.figures.pendingOverdue).toBeGreaterThanOrEqual(0);
      }
      // Brute force: accepted before the end, not closed before it; overdue when an alarm's due
      // time (before the close) passed before the end.
      for (const period of periods) {
        const end = periodEnd(level, period).getTime();
        let open = 0;
        let overdue = 0;
        for (const { dossier: d, overdueDueAts } of YEAR) {
          if (!d.receivedAt || new Date(d.receivedAt).getTime() >= end) continue;
          const closedAt = d.result?.readyAt ?? d.refusal?.at ?? d.withdrawal?.at;
          if (closedAt && new Date(closedAt).getTime() < end) continue;
          open++;
          if (overdueDueAts.some((t) => new Date(t).getTime() < end)) overdue++;
        }
        const inPeriod = rows.filter((r) => r.period === period);
        expect([period, inPeriod.reduce((s, r) => s + r.figures.pending, 0)]).toEqual([period, open]);
        expect([period, inPeriod.reduce((s, r) => s + r.figures.pendingOverdue, 0)]).toEqual([
          period,
          overdue,
        ]);
      }
    },
  );

  it('starts a later range from the balance of the earlier periods', () => {
    const months = sumByPeriod(counted, 'month');
    const all = periodRange('month', '2026-01', '2027-01');
    const whole = assembleReport(all, months, new Map());
    const before = new Map<string, Record<string, number>>();
    for (const p of all.slice(0, 6))
      for (const [cell, f] of months.get(p) ?? [])
        before.set(
          cell,
          Object.fromEntries(
            Object.keys({ ...before.get(cell), ...f }).map((k) => [
              k,
              (before.get(cell)?.[k] ?? 0) + ((f as Record<string, number>)[k] ?? 0),
            ]),
          ),
        );
    const tail = assembleReport(all.slice(6), months, before);
    expect(tail).toEqual(whole.filter((r) => r.period >= all[6]));
  });

  it('counts in Vietnamese dates and defines every figure in both languages', () => {
    expect(dayOf('2026-12-31T17:30:00Z')).toBe('2027-01-01');
    expect(periodEnd('quarter', '2026-Q4').toISOString()).toBe('2026-12-31T17:00:00.000Z');
    for (const spec of Object.values(FIGURES)) expect(spec.vi.length * spec.en.length).toBeGreaterThan(0);
  });
});

describe('docs/reports.md', () => {
  it('holds the figures as the domain defines them (npm run docs:reports)', () => {
    const committed = readFileSync(REPORTS_DOC, 'utf8');
    expect(committed).toContain(renderFiguresBlock());
  });
});
