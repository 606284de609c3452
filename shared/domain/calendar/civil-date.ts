/**
 * Civil (Gregorian) dates and Vietnam local time.
 *
 * Everything here works on integer day numbers so that no code path ever touches the machine's
 * time zone: Vietnam is UTC+7 all year (no DST), so local time is simply UTC + 7 h.
 */

export type IsoDate = string; // 'YYYY-MM-DD' in Vietnam local time

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
/** Vietnam has used UTC+7 for civil time since 1975 and has no daylight saving time. */
export const VIETNAM_OFFSET_MS = 7 * MS_PER_HOUR;

/** Days since 1970-01-01 (Hinnant's days_from_civil): exact for the whole proleptic Gregorian range. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict 'YYYY-MM-DD' and rejects impossible dates such as 2025-02-30. */
export function parseIsoDate(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  if (back.year !== year || back.month !== month || back.day !== day) {
    throw new RangeError(`No such date: ${date}`);
  }
  return days;
}

export function formatIsoDate(days: number): IsoDate {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return formatIsoDate(daysFromCivil(year, month, day));
}

/** Milliseconds on the Vietnam wall clock, counted from 1970-01-01 00:00 Vietnam time. */
export function toLocalMs(at: Date): number {
  const t = at.getTime();
  if (!Number.isFinite(t)) throw new RangeError('Invalid Date');
  return t + VIETNAM_OFFSET_MS;
}

export function fromLocalMs(localMs: number): Date {
  return new Date(localMs - VIETNAM_OFFSET_MS);
}

/** The Vietnam-local day number of an instant. */
export function localDayOf(at: Date): number {
  return Math.floor(toLocalMs(at) / MS_PER_DAY);
}

/** The Vietnam-local calendar date of an instant. */
export function vietnamDateOf(at: Date): IsoDate {
  return formatIsoDate(localDayOf(at));
}

/** Builds an instant from a Vietnam wall-clock date and time ('HH:mm'), e.g. vietnamTime('2027-02-05', '15:30'). */
export function vietnamTime(date: IsoDate, time = '00:00'): Date {
  return fromLocalMs(parseIsoDate(date) * MS_PER_DAY + parseClock(time));
}

const CLOCK = /^(\d{2}):(\d{2})$/;

/** 'HH:mm' → milliseconds after local midnight; '24:00' is accepted as the end of the day. */
export function parseClock(time: string): number {
  const m = CLOCK.exec(time);
  if (!m) throw new RangeError(`Not a clock time (HH:mm): ${JSON.stringify(time)}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) throw new RangeError(`No such clock time: ${time}`);
  return h * MS_PER_HOUR + min * MS_PER_MINUTE;
}

export function formatClock(msOfDay: number): string {
  const minutes = Math.round(msOfDay / MS_PER_MINUTE);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
