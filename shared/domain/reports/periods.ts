/**
 * Report periods: a day, month, quarter or year of Vietnamese civil time (Asia/Ho_Chi_Minh, UTC+7
 * without daylight saving). An event counts in the period of its local date, so a dossier received
 * at 06:30 on 1 January (23:30 UTC the day before) is January's.
 */
import { vnParts } from '../vn-time';

export const PERIOD_LEVELS = ['day', 'month', 'quarter', 'year'] as const;
export type PeriodLevel = (typeof PERIOD_LEVELS)[number];

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date of an instant: `2026-03-02`. */
export function dayOf(instant: string | Date): string {
  const p = vnParts(typeof instant === 'string' ? new Date(instant) : instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The periods containing a day, one per level: `2026-03-02`, `2026-03`, `2026-Q1`, `2026`. */
export function periodsOfDay(day: string): Record<PeriodLevel, string> {
  const [y, m] = day.split('-');
  return { day, month: `${y}-${m}`, quarter: `${y}-Q${Math.ceil(Number(m) / 3)}`, year: y };
}

export const PERIOD_PATTERNS: Record<PeriodLevel, RegExp> = {
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

/**
 * Periods of one level sort as strings in time order (the counters' sort keys rely on it), and the
 * one after a period is computed here, for listing a range.
 */
export function nextPeriod(level: PeriodLevel, period: string): string {
  switch (level) {
    case 'year':
      return String(Number(period) + 1);
    case 'quarter': {
      const [y, q] = period.split('-Q').map(Number);
      return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
    }
    case 'month': {
      const [y, m] = period.split('-').map(Number);
      return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
    }
    case 'day': {
      const d = new Date(`${period}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1);
      return d.toISOString().slice(0, 10);
    }
  }
}

/** Every period of a level from `from` to `to`, both included. */
export function periodRange(level: PeriodLevel, from: string, to: string, max = 1000): string[] {
  const out: string[] = [];
  for (let p = from; p <= to && out.length < max; p = nextPeriod(level, p)) out.push(p);
  return out;
}

/** The end of a period as an instant (exclusive): the local midnight after its last day. */
export function periodEnd(level: PeriodLevel, period: string): Date {
  const next = nextPeriod(level, period);
  const firstDay =
    level === 'year'
      ? `${next}-01-01`
      : level === 'quarter'
        ? `${next.slice(0, 4)}-${pad((Number(next.slice(6)) - 1) * 3 + 1)}-01`
        : level === 'month'
          ? `${next}-01`
          : next;
  return new Date(`${firstDay}T00:00:00+07:00`);
}
