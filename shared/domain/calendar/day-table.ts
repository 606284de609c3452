/**
 * A precomputed table of one year's working time, so that arithmetic never walks day by day:
 * prefix sums of working milliseconds and of working days give elapsed time in O(1) and the
 * inverse (add N hours or days) in O(log n) per year crossed.
 */
import { daysFromCivil, daysInYear } from './civil-date';
import { totalMs, type DayHours } from './office-hours';

export interface YearTable {
  readonly year: number;
  /** Day number (days since 1970-01-01) of 1 January. */
  readonly firstDay: number;
  readonly length: number;
  /** Office hours per day of the year (index 0 = 1 January); shared frozen arrays. */
  readonly hours: readonly DayHours[];
  /** Working ms per day. */
  readonly dayMs: Float64Array;
  /** cumMs[i] = working ms in days 0..i-1 (length + 1 entries). */
  readonly cumMs: Float64Array;
  /** ordinalBefore[i] = number of working days among days 0..i-1 (length + 1 entries). */
  readonly ordinalBefore: Int32Array;
  /** Day indexes of the working days, in order: workingDays[k] is the (k+1)-th working day. */
  readonly workingDays: Int32Array;
  readonly totalMs: number;
  readonly totalDays: number;
}

export function buildYearTable(year: number, hoursOf: (day: number) => DayHours): YearTable {
  const firstDay = daysFromCivil(year, 1, 1);
  const length = daysInYear(year);
  const hours: DayHours[] = new Array(length);
  const dayMs = new Float64Array(length);
  const cumMs = new Float64Array(length + 1);
  const ordinalBefore = new Int32Array(length + 1);
  const working: number[] = [];
  for (let i = 0; i < length; i++) {
    const h = hoursOf(firstDay + i);
    hours[i] = h;
    const ms = totalMs(h);
    dayMs[i] = ms;
    cumMs[i + 1] = cumMs[i]! + ms;
    ordinalBefore[i + 1] = ordinalBefore[i]! + (ms > 0 ? 1 : 0);
    if (ms > 0) working.push(i);
  }
  return {
    year,
    firstDay,
    length,
    hours,
    dayMs,
    cumMs,
    ordinalBefore,
    workingDays: Int32Array.from(working),
    totalMs: cumMs[length]!,
    totalDays: working.length,
  };
}

/** Smallest i in [lo, hi] with arr[i] >= target (arr non-decreasing); hi if none. */
export function lowerBound(arr: Float64Array, target: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (arr[mid]! >= target) b = mid;
    else a = mid + 1;
  }
  return a;
}
