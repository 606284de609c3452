/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7.
 *
 * Rules (shared with the Chinese calendar, which differs only by being computed for UTC+8):
 *  1. A month starts on the local day of a true new moon.
 *  2. Month 11 is the month that contains the December solstice (Sun at 270°).
 *  3. If there are 13 new moons from one month 11 to the next, the first month in between that
 *     contains no major solar term (Sun crossing a multiple of 30°) is a leap month and repeats
 *     the number of the month before it.
 *
 * Because the day boundaries are taken in Vietnam time, a new moon or a solar term close to
 * midnight can fall on a different day than in China: that is why Tết 1985 was on 21 Jan in
 * Vietnam but 20 Feb in China, and why Tết 2007 and 2030 are a day earlier in Vietnam.
 *
 * Historical note: before 1968 the North Vietnamese calendar was the Chinese one (UTC+8); this
 * module, like the Government's since 1968 and the API contract, uses UTC+7 for every year.
 */
import { JD_UNIX_EPOCH, newMoonJdUt, sunLongitudeAtUt } from './astronomy';
import { civilFromDays, daysFromCivil, formatIsoDate, parseIsoDate, type IsoDate } from './civil-date';

export const VIETNAM_UTC_OFFSET_HOURS = 7;
/** Range in which conversions are accepted; the implementation is verified for 1900–2100. */
export const MIN_LUNAR_YEAR = 1800;
export const MAX_LUNAR_YEAR = 2199;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

export interface LunarMonthInfo {
  /** Lunar year the month belongs to (the year whose month 1 starts in that Gregorian year). */
  year: number;
  month: number;
  leap: boolean;
  /** First day, as a day number (days since 1970-01-01). */
  start: number;
  /** 29 or 30. */
  length: number;
}

/** Mean synodic month, only used to guess a lunation number before computing it exactly. */
const SYNODIC_MONTH = 29.530588861;
const NEW_MOON_K0_JD = 2451550.09766;

export interface LunarCalendar {
  readonly offsetHours: number;
  solarToLunar(days: number): LunarDate;
  lunarToSolar(day: number, month: number, year: number, leap?: boolean): number;
  /** Months of one lunar year, in order, including a leap month if any. */
  monthsOfYear(year: number): LunarMonthInfo[];
}

/** A lunisolar calendar for a given UTC offset (7 for Vietnam; 8 reproduces the Chinese one). */
export function createLunarCalendar(offsetHours: number): LunarCalendar {
  const dayFraction = offsetHours / 24;
  // A "sui" is the span from the month 11 of Gregorian year Y-1 to the month 11 of year Y.
  const suiCache = new Map<number, LunarMonthInfo[]>();
  const month11Cache = new Map<number, { k: number; day: number }>();

  function newMoonDay(k: number): number {
    return Math.floor(newMoonJdUt(k) - JD_UNIX_EPOCH + dayFraction);
  }

  /** Which 30° sector the Sun is in at the local midnight that starts `day`. */
  function solarSectorAtDayStart(day: number): number {
    return Math.floor(sunLongitudeAtUt(JD_UNIX_EPOCH + day - dayFraction) / 30);
  }

  /** First day of month 11 of Gregorian year `year` (the month holding the December solstice). */
  function month11(year: number): { k: number; day: number } {
    const cached = month11Cache.get(year);
    if (cached) return cached;
    const dec31 = daysFromCivil(year, 12, 31);
    // Last new moon on or before 31 December: the guess is off by at most one lunation.
    let k = Math.floor((JD_UNIX_EPOCH + dec31 - NEW_MOON_K0_JD) / SYNODIC_MONTH) + 1;
    while (newMoonDay(k) > dec31) k -= 1;
    // If the Sun has already reached 270° when that month starts, the solstice was in the month before.
    if (solarSectorAtDayStart(newMoonDay(k)) >= 9) k -= 1;
    const result = { k, day: newMoonDay(k) };
    month11Cache.set(year, result);
    return result;
  }

  function sui(year: number): LunarMonthInfo[] {
    const cached = suiCache.get(year);
    if (cached) return cached;
    const from = month11(year - 1);
    const to = month11(year);
    const starts: number[] = [];
    for (let k = from.k; k <= to.k; k++) starts.push(newMoonDay(k));
    const monthCount = starts.length - 1; // 12 or 13
    let leapIndex = -1;
    if (monthCount === 13) {
      for (let i = 1; i < 13; i++) {
        if (solarSectorAtDayStart(starts[i]!) === solarSectorAtDayStart(starts[i + 1]!)) {
          leapIndex = i;
          break;
        }
      }
      if (leapIndex < 0) throw new Error(`No month without a major solar term in the sui ending ${year}`);
    }
    const months: LunarMonthInfo[] = [];
    let month = 11;
    let lunarYear = year - 1;
    for (let i = 0; i < monthCount; i++) {
      const leap = i === leapIndex;
      if (i > 0 && !leap) {
        month = (month % 12) + 1;
        if (month === 1) lunarYear = year;
      }
      months.push({ year: lunarYear, month, leap, start: starts[i]!, length: starts[i + 1]! - starts[i]! });
    }
    suiCache.set(year, months);
    return months;
  }

  function checkYear(year: number): void {
    if (!Number.isInteger(year) || year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR) {
      throw new RangeError(`Lunar year ${year} is outside ${MIN_LUNAR_YEAR}–${MAX_LUNAR_YEAR}`);
    }
  }

  function solarToLunar(days: number): LunarDate {
    const { year } = civilFromDays(days);
    checkYear(year);
    const months = days >= month11(year).day ? sui(year + 1) : sui(year);
    let m = months[0]!;
    for (const candidate of months) {
      if (candidate.start > days) break;
      m = candidate;
    }
    return { day: days - m.start + 1, month: m.month, year: m.year, leap: m.leap };
  }

  function lunarToSolar(day: number, month: number, year: number, leap = false): number {
    checkYear(year);
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`No lunar month ${month}`);
    const months = month >= 11 ? sui(year + 1) : sui(year);
    const m = months.find((x) => x.year === year && x.month === month && x.leap === leap);
    if (!m) throw new RangeError(`Lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month}`);
    if (!Number.isInteger(day) || day < 1 || day > m.length) {
      throw new RangeError(
        `Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has ${m.length} days, not ${day}`,
      );
    }
    return m.start + day - 1;
  }

  function monthsOfYear(year: number): LunarMonthInfo[] {
    checkYear(year);
    return [...sui(year), ...sui(year + 1)].filter((m) => m.year === year);
  }

  return { offsetHours, solarToLunar, lunarToSolar, monthsOfYear };
}

const vietnamese = createLunarCalendar(VIETNAM_UTC_OFFSET_HOURS);

/** Gregorian date → Vietnamese lunar date. */
export function solarToLunar(date: IsoDate): LunarDate {
  return vietnamese.solarToLunar(parseIsoDate(date));
}

/** Vietnamese lunar date → Gregorian date. Throws RangeError for a date that does not exist. */
export function lunarToSolar(day: number, month: number, year: number, leap = false): IsoDate {
  return formatIsoDate(vietnamese.lunarToSolar(day, month, year, leap));
}

/** Tết Nguyên Đán: day 1 of month 1 of the Vietnamese lunar year. */
export function lunarNewYear(year: number): IsoDate {
  return lunarToSolar(1, 1, year);
}

/** Giỗ Tổ Hùng Vương: day 10 of (the regular, never the leap) month 3. */
export function hungKingsDay(year: number): IsoDate {
  return lunarToSolar(10, 3, year, false);
}

/** The months of a Vietnamese lunar year (12, or 13 with a leap month). */
export function lunarMonthsOfYear(year: number): LunarMonthInfo[] {
  return vietnamese.monthsOfYear(year);
}

/** Number of the leap month of a Vietnamese lunar year, or null. */
export function leapMonthOf(year: number): number | null {
  return lunarMonthsOfYear(year).find((m) => m.leap)?.month ?? null;
}

/** Day numbers of the Vietnamese lunar calendar, for the holiday rules (no string round-trips). */
export const vietnameseLunar = vietnamese;
