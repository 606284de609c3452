/**
 * Micro-benchmark of the working-time calendar (shared/domain/calendar).
 *
 *   npx tsx bench/calendar.bench.ts
 *
 * Spans go up to a year, the worst case a deadline or a report meets. The per-year tables are
 * built once per calendar and cached, so the steady-state figures are what a Lambda sees after
 * its first call; "first use of a year" measures that one-off build.
 */
import { performance } from 'node:perf_hooks';
import {
  createCalendar,
  PUBLIC_SECTOR_CONFIG,
  vietnamTime,
  type WorkingCalendar,
} from '../shared/domain/calendar';
import { seededRandom as random } from './seeded-random';

export interface BenchResult {
  name: string;
  opsPerSec: number;
  usPerOp: number;
}

const DAY_MS = 86_400_000;
const INPUTS = 4096;

/** Runs `op(i)` over a rotating input index for about `budgetMs`, after a warm-up. */
function measure(name: string, op: (i: number) => unknown, budgetMs = 400): BenchResult {
  let sink = 0;
  for (let i = 0; i < 2000; i++) sink += op(i % INPUTS) ? 1 : 0; // warm-up: JIT and table caches
  let ops = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 1000; i++) sink += op((ops + i) % INPUTS) ? 1 : 0;
    ops += 1000;
    elapsed = performance.now() - started;
  }
  if (sink < 0) console.log(sink); // keeps the results alive
  const usPerOp = (elapsed * 1000) / ops;
  return { name, opsPerSec: Math.round(1e6 / usPerOp), usPerOp: Number(usPerOp.toFixed(3)) };
}

function inputs(): { starts: Date[]; ends: Date[]; days: number[]; hours: number[] } {
  const rnd = random(20250101);
  const base = vietnamTime('2025-01-01').getTime();
  const starts: Date[] = [];
  const ends: Date[] = [];
  const days: number[] = [];
  const hours: number[] = [];
  for (let i = 0; i < INPUTS; i++) {
    const from = base + Math.floor(rnd() * 365 * DAY_MS);
    starts.push(new Date(from));
    ends.push(new Date(from + Math.floor(rnd() * 365 * DAY_MS))); // spans up to a year
    days.push(Math.floor(rnd() * 500 + 1) / 2); // 0.5 … 250 working days (about a year)
    hours.push(Math.floor(rnd() * 2000 * 60 + 1) / 60); // up to 2000 working hours
  }
  return { starts, ends, days, hours };
}

export async function runCalendarBench(): Promise<BenchResult[]> {
  const cal: WorkingCalendar = createCalendar(PUBLIC_SECTOR_CONFIG);
  const { starts, ends, days, hours } = inputs();
  const pauses = starts.map((s) => [
    { from: new Date(s.getTime() + 2 * DAY_MS), to: new Date(s.getTime() + 9 * DAY_MS) },
  ]);
  const results: BenchResult[] = [
    measure('calendar.addWorkingDays (≤ 1 year)', (i) => cal.addWorkingDays(starts[i]!, days[i]!)),
    measure('calendar.elapsedWorkingTime (≤ 1 year)', (i) => cal.elapsedWorkingTime(starts[i]!, ends[i]!)),
    measure('calendar.addWorkingHours (≤ 2000 h)', (i) => cal.addWorkingHours(starts[i]!, hours[i]!)),
    measure('calendar.dueAt with a pause (≤ 1 year)', (i) =>
      cal.dueAt(starts[i]!, { workingDays: days[i]! }, pauses[i]),
    ),
  ];
  // One-off cost: a fresh calendar building its first year table (holidays, lunar dates, prefix sums).
  let year = 1900;
  results.push(
    measure(
      'calendar first use of a year (table build)',
      () => {
        year = year >= 2190 ? 1900 : year + 1;
        return createCalendar(PUBLIC_SECTOR_CONFIG).isWorkingDay(`${year}-06-02`);
      },
      300,
    ),
  );
  return results;
}

if (require.main === module) {
  void runCalendarBench().then((results) => {
    for (const r of results) {
      console.log(
        `${r.name.padEnd(46)} ${String(r.opsPerSec).padStart(10)} ops/s ${r.usPerOp.toFixed(3).padStart(10)} µs/op`,
      );
    }
  });
}
