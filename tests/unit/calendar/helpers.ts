import { vietnamTime } from '../../../shared/domain/calendar';

/** 'YYYY-MM-DD HH:mm' on the Vietnam wall clock → instant. */
export function vn(dateTime: string): Date {
  const [date, time] = dateTime.split(' ');
  return vietnamTime(date!, time ?? '00:00');
}

/** Instant → 'YYYY-MM-DD HH:mm' on the Vietnam wall clock (independent of the process TZ). */
export function fmt(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

export const HOUR = 3_600_000;

/** Every date from `from` to `to` inclusive, as ISO strings. */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
