/**
 * Office hours of one day as half-open intervals [open, close) in milliseconds after local
 * midnight. Half-open because an instant at closing time (11:30, 17:00) is not working time,
 * while it is still a valid due time: the clock ran out exactly when the office closed.
 */
import { formatClock, parseClock } from './civil-date';

export type Interval = readonly [open: number, close: number];
export type DayHours = readonly Interval[];

export const CLOSED: DayHours = Object.freeze([]);

/** Parses, sorts and validates [['07:30','11:30'], …]; touching intervals are merged. */
export function parseHours(pairs: ReadonlyArray<readonly [string, string]>, label: string): DayHours {
  const parsed = pairs.map(([open, close]): [number, number] => {
    const o = parseClock(open);
    const c = parseClock(close);
    if (!(o < c)) throw new RangeError(`${label}: interval ${open}–${close} is empty or reversed`);
    return [o, c];
  });
  parsed.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const interval of parsed) {
    const last = merged[merged.length - 1];
    if (last && interval[0] < last[1]) throw new RangeError(`${label}: intervals overlap`);
    if (last && interval[0] === last[1]) last[1] = interval[1];
    else merged.push([interval[0], interval[1]]);
  }
  return Object.freeze(merged.map((i) => Object.freeze(i) as Interval));
}

/** Removes closed spans from a day's hours (a partial closure such as an afternoon off). */
export function subtractHours(hours: DayHours, closed: DayHours): DayHours {
  let result: Interval[] = [...hours];
  for (const [cOpen, cClose] of closed) {
    const next: Interval[] = [];
    for (const [open, close] of result) {
      if (cClose <= open || cOpen >= close) {
        next.push([open, close]);
        continue;
      }
      if (open < cOpen) next.push([open, cOpen]);
      if (cClose < close) next.push([cClose, close]);
    }
    result = next;
  }
  return result.length === 0 ? CLOSED : Object.freeze(result);
}

export function totalMs(hours: DayHours): number {
  let sum = 0;
  for (const [open, close] of hours) sum += close - open;
  return sum;
}

/** Working time of the day that has passed at `msOfDay`. */
export function workedBefore(hours: DayHours, msOfDay: number): number {
  let sum = 0;
  for (const [open, close] of hours) {
    if (msOfDay <= open) break;
    sum += Math.min(msOfDay, close) - open;
  }
  return sum;
}

/**
 * The earliest time of day at which `worked` (> 0) working milliseconds have passed. When that is
 * exactly the end of an interval the closing time is returned (11:30, not 13:00).
 */
export function timeAfterWorked(hours: DayHours, worked: number): number {
  let remaining = worked;
  for (const [open, close] of hours) {
    const length = close - open;
    if (remaining <= length) return open + remaining;
    remaining -= length;
  }
  const last = hours[hours.length - 1];
  if (!last) throw new Error('timeAfterWorked on a closed day');
  return last[1]; // only reachable through float rounding
}

export function isWithin(hours: DayHours, msOfDay: number): boolean {
  for (const [open, close] of hours) if (msOfDay >= open && msOfDay < close) return true;
  return false;
}

/** First opening at or after msOfDay on this day, or undefined. */
export function nextOpening(hours: DayHours, msOfDay: number): number | undefined {
  for (const [open, close] of hours) {
    if (msOfDay < close) return Math.max(open, msOfDay);
  }
  return undefined;
}

export function formatHours(hours: DayHours): Array<[string, string]> {
  return hours.map(([open, close]) => [formatClock(open), formatClock(close)]);
}

export function hoursKey(hours: DayHours): string {
  return hours.map(([o, c]) => `${o}-${c}`).join(',');
}
