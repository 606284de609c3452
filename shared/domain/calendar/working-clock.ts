/**
 * Working-time arithmetic on Vietnam local milliseconds, over per-year tables.
 *
 * Two measures of progress exist:
 *  - working milliseconds (for hour allowances, pauses and elapsed time);
 *  - working days, where each working day counts 1 whatever its length, and a point inside a
 *    day counts the fraction of that day's hours already worked (so 0.5 day on a normal day is
 *    4 h, and on a Saturday-morning day 2 h).
 *
 * Every "advance" returns the EARLIEST instant at which the requested amount has been worked.
 * So a result is always inside office hours or exactly at a closing time (11:30, 17:00), never at
 * the next opening and never in a lunch break, night, weekend or holiday.
 */
import { civilFromDays, MS_PER_DAY } from './civil-date';
import { lowerBound, type YearTable } from './day-table';
import { nextOpening, timeAfterWorked, workedBefore } from './office-hours';

/** A calendar with no working time for this many consecutive years is treated as a configuration error. */
const MAX_EMPTY_YEARS = 2;

interface Where {
  t: YearTable;
  idx: number;
  msOfDay: number;
}

export class WorkingClock {
  private last: YearTable | undefined;

  constructor(private readonly tableFor: (year: number) => YearTable) {}

  private tableOfDay(day: number): YearTable {
    const last = this.last;
    if (last && day >= last.firstDay && day < last.firstDay + last.length) return last;
    const t = this.tableFor(civilFromDays(day).year);
    this.last = t;
    return t;
  }

  private where(localMs: number): Where {
    const day = Math.floor(localMs / MS_PER_DAY);
    const t = this.tableOfDay(day);
    return { t, idx: day - t.firstDay, msOfDay: localMs - day * MS_PER_DAY };
  }

  private nextYear(t: YearTable, emptyYears: { n: number }): YearTable {
    emptyYears.n = t.totalMs > 0 ? 0 : emptyYears.n + 1;
    if (emptyYears.n > MAX_EMPTY_YEARS)
      throw new Error('The calendar has no working time: check workingWeekdays and overrides');
    return this.tableFor(t.year + 1);
  }

  hoursAt(localDay: number): YearTable['hours'][number] {
    const t = this.tableOfDay(localDay);
    return t.hours[localDay - t.firstDay]!;
  }

  private msPosition(w: Where): number {
    return w.t.cumMs[w.idx]! + workedBefore(w.t.hours[w.idx]!, w.msOfDay);
  }

  private dayPosition(w: Where): number {
    const dayMs = w.t.dayMs[w.idx]!;
    const fraction = dayMs > 0 ? workedBefore(w.t.hours[w.idx]!, w.msOfDay) / dayMs : 0;
    return w.t.ordinalBefore[w.idx]! + fraction;
  }

  /** Working ms in [from, to); 0 when to <= from. O(1) within a year, O(years) across. */
  elapsedMs(fromLocal: number, toLocal: number): number {
    if (toLocal <= fromLocal) return 0;
    const a = this.where(fromLocal);
    const b = this.where(toLocal);
    if (a.t === b.t) return this.msPosition(b) - this.msPosition(a);
    let sum = a.t.totalMs - this.msPosition(a);
    for (let y = a.t.year + 1; y < b.t.year; y++) sum += this.tableFor(y).totalMs;
    return sum + this.msPosition(b);
  }

  /** Working days (fractional) in [from, to); 0 when to <= from. */
  elapsedDays(fromLocal: number, toLocal: number): number {
    if (toLocal <= fromLocal) return 0;
    const a = this.where(fromLocal);
    const b = this.where(toLocal);
    if (a.t === b.t) return this.dayPosition(b) - this.dayPosition(a);
    let sum = a.t.totalDays - this.dayPosition(a);
    for (let y = a.t.year + 1; y < b.t.year; y++) sum += this.tableFor(y).totalDays;
    return sum + this.dayPosition(b);
  }

  isWorking(localMs: number): boolean {
    const w = this.where(localMs);
    const open = nextOpening(w.t.hours[w.idx]!, w.msOfDay);
    return open === w.msOfDay;
  }

  /** The first working instant at or after localMs. */
  nextWorkingInstant(localMs: number): number {
    const w = this.where(localMs);
    const open = nextOpening(w.t.hours[w.idx]!, w.msOfDay);
    if (open !== undefined) return (w.t.firstDay + w.idx) * MS_PER_DAY + open;
    let t = w.t;
    let k = t.ordinalBefore[w.idx + 1]!; // ordinal of the next working day in this year
    const empty = { n: 0 };
    while (k >= t.totalDays) {
      t = this.nextYear(t, empty);
      k = 0;
    }
    const idx = t.workingDays[k]!;
    return (t.firstDay + idx) * MS_PER_DAY + t.hours[idx]![0]![0];
  }

  /** Earliest instant at which `amount` (> 0) working ms have passed since fromLocal. */
  advanceMs(fromLocal: number, amount: number): number {
    const w = this.where(fromLocal);
    let t = w.t;
    let target = this.msPosition(w) + amount;
    const empty = { n: 0 };
    while (target > t.totalMs) {
      target -= t.totalMs;
      t = this.nextYear(t, empty);
    }
    const idx = lowerBound(t.cumMs, target, 1, t.length) - 1;
    const ms = timeAfterWorked(t.hours[idx]!, target - t.cumMs[idx]!);
    return (t.firstDay + idx) * MS_PER_DAY + ms;
  }

  /** Earliest instant at which `days` (> 0, may be fractional) working days have passed since fromLocal. */
  advanceDays(fromLocal: number, days: number): number {
    const w = this.where(fromLocal);
    let t = w.t;
    let target = this.dayPosition(w) + days;
    const empty = { n: 0 };
    while (target > t.totalDays) {
      target -= t.totalDays;
      t = this.nextYear(t, empty);
    }
    // The day in which the target lies: k < target <= k + 1, so a whole number of days ends at
    // the closing time of day k rather than at the opening of day k + 1.
    const k = Math.ceil(target) - 1;
    const idx = t.workingDays[k]!;
    const dayMs = t.dayMs[idx]!;
    const worked = Math.min(dayMs, Math.max(1, Math.round((target - k) * dayMs)));
    return (t.firstDay + idx) * MS_PER_DAY + timeAfterWorked(t.hours[idx]!, worked);
  }
}
