/**
 * Vietnamese working-time calendar: lunar calendar, statutory holidays, Government swaps,
 * tenant office hours and deadline arithmetic. Pure and deterministic (no I/O, no clock).
 * Rules and examples: docs/calendar.md.
 */
export type {
  Allowance,
  CalendarConfig,
  CalendarOverride,
  DayOff,
  DayOffKind,
  IsoDate,
  Pause,
  SameDayLimit,
  SpecialWorkingDay,
  Timeliness,
  WorkingCalendar,
} from './types';
export { createCalendar, DEFAULT_CUTOFF, isOpenEnded, OPEN_ENDED_DUE } from './working-calendar';
export {
  hungKingsDay,
  leapMonthOf,
  lunarMonthsOfYear,
  lunarNewYear,
  lunarToSolar,
  MAX_LUNAR_YEAR,
  MIN_LUNAR_YEAR,
  solarToLunar,
  type LunarDate,
  type LunarMonthInfo,
} from './lunar';
export { vietnamDateOf, vietnamTime } from './civil-date';
export { HOLIDAY_RULE_SETS, ruleSetOn, type HolidayRuleSet } from './holiday-rules';
export { NATIONAL_DECISIONS, type NationalSwap, type NationalYearDecision } from './data/national-swaps';

import type { CalendarConfig } from './types';

/** The common public-sector schedule: Monday–Friday, 07:30–11:30 and 13:00–17:00, national swaps applied. */
export const PUBLIC_SECTOR_CONFIG: Readonly<CalendarConfig> = Object.freeze<CalendarConfig>({
  officeHours: [
    ['07:30', '11:30'],
    ['13:00', '17:00'],
  ],
  workingWeekdays: [1, 2, 3, 4, 5],
});
