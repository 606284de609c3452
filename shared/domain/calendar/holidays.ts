/**
 * Statutory holidays of a Gregorian year and their compensatory days (nghỉ bù).
 *
 * Which days are holidays is national; which ones need a compensatory day depends on the
 * tenant's weekly rest days (the law compensates a holiday that falls on the worker's weekly
 * rest day, on the next working day), so compensation takes a predicate.
 */
import { daysFromCivil, formatIsoDate, parseIsoDate } from './civil-date';
import { nationalDecisionFor } from './data/national-swaps';
import { defaultNationalDayAdjacentOffset, ruleSetOn } from './holiday-rules';
import { vietnameseLunar } from './lunar';

export interface StatutoryHoliday {
  day: number;
  name: string;
}

export interface CompensatoryDay {
  day: number;
  /** The holiday it compensates. */
  forDay: number;
  name: string;
}

function tetName(day: number): string {
  const l = vietnameseLunar.solarToLunar(day);
  return l.month === 1
    ? `Tết Nguyên Đán (mùng ${l.day} tháng Giêng)`
    : `Tết Nguyên Đán (${l.day} tháng Chạp)`;
}

/** The Tết days of the lunar year that starts in Gregorian `year`: Government designation, else the rule default. */
export function tetDays(year: number): number[] {
  const newYear = vietnameseLunar.lunarToSolar(1, 1, year);
  const rules = ruleSetOn(formatIsoDate(newYear));
  const designated = nationalDecisionFor(year)?.tetDays;
  if (designated && designated.length === rules.tetDays) return designated.map(parseIsoDate);
  return Array.from({ length: rules.tetDays }, (_, i) => newYear - rules.tetDaysBefore + i);
}

/** Every statutory holiday of a Gregorian year, sorted; a day shared by two holidays appears once. */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const byDay = new Map<number, string[]>();
  const add = (day: number, name: string): void => {
    const names = byDay.get(day);
    if (names) names.push(name);
    else byDay.set(day, [name]);
  };

  add(daysFromCivil(year, 1, 1), 'Tết Dương lịch (1/1)');
  for (const day of tetDays(year)) add(day, tetName(day));

  const hungKings = vietnameseLunar.lunarToSolar(10, 3, year, false);
  if (ruleSetOn(formatIsoDate(hungKings)).hungKings) add(hungKings, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');

  add(daysFromCivil(year, 4, 30), 'Ngày Chiến thắng (30/4)');
  add(daysFromCivil(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)');

  const september2 = daysFromCivil(year, 9, 2);
  add(september2, 'Quốc khánh (2/9)');
  if (ruleSetOn(formatIsoDate(september2)).nationalDayDays === 2) {
    const designated = nationalDecisionFor(year)?.nationalDayAdjacent;
    const adjacent = designated
      ? parseIsoDate(designated)
      : september2 + defaultNationalDayAdjacentOffset(september2);
    add(adjacent, `Quốc khánh (ngày liền kề, ${adjacent < september2 ? '1/9' : '3/9'})`);
  }

  return [...byDay.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, names]) => ({ day, name: names.join(' + ') }));
}

/**
 * Compensatory days: each holiday that falls on a weekly rest day gives the next day that is
 * neither a rest day, nor a holiday, nor already a compensatory day (Labour Code 1994 art. 73,
 * 2012 art. 115(3), 2019 art. 111(3)). Holidays are handled in date order, so a Tết that covers a
 * weekend pushes its compensatory days to just after the Tết block, as the Government does.
 */
export function compensatoryDays(
  holidays: StatutoryHoliday[],
  isRestDay: (day: number) => boolean,
): CompensatoryDay[] {
  const taken = new Set(holidays.map((h) => h.day));
  const result: CompensatoryDay[] = [];
  for (const holiday of holidays) {
    if (!isRestDay(holiday.day)) continue;
    // A tenant with no working weekday at all gets no compensation instead of an endless search.
    for (let day = holiday.day + 1; day <= holiday.day + 14; day++) {
      if (isRestDay(day) || taken.has(day)) continue;
      taken.add(day);
      result.push({ day, forDay: holiday.day, name: `Nghỉ bù ${holiday.name}` });
      break;
    }
  }
  return result;
}
