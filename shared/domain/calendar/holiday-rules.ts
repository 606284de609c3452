/**
 * Statutory holiday rule sets, versioned by the date the law took effect.
 *
 * A holiday is governed by the rule set in force on the day it falls on, so a law that changes
 * in the middle of a year (e.g. 1 May 2013) applies to the holidays after that date only.
 *
 * Where the law leaves the exact days to the Prime Minister (which 5 Tết days since 2013, which
 * day next to 2 September since 2021), `designate*` below give the default used for years in
 * which no Government decision is recorded in data/national-swaps.ts. Those defaults reproduce
 * the choices actually made in 2019–2025 and are projections, not law, for later years.
 */
import { isoWeekday } from './civil-date';

export interface HolidayRuleSet {
  id: string;
  /** The law, with the article that lists the holidays. */
  law: string;
  /** First day (ISO date) on which this rule set governs. */
  effectiveFrom: string;
  /** Number of Tết Nguyên Đán days off. */
  tetDays: 4 | 5;
  /**
   * Days off before lunar New Year's Day in the default designation. The 1994 code fixes it
   * ("one day at the end of the year and three at the beginning"); later codes let the Prime
   * Minister choose. 2 before + 3 after (with weekend days compensated) reproduces every
   * public-sector Tết break announced from 2019 to 2026; it is the designation itself in 2021,
   * 2024 and 2025, and gives the same days off where the Government named other days (2022, 2026).
   */
  tetDaysBefore: number;
  hungKings: boolean;
  /** 1 = 2 September only; 2 = 2 September and one adjacent day (1 or 3 September). */
  nationalDayDays: 1 | 2;
  /** Set when the rule set is applied outside its legal period as an approximation. */
  caveat?: string;
}

export const HOLIDAY_RULE_SETS: readonly HolidayRuleSet[] = [
  {
    id: 'LC1994',
    law: 'Labour Code 1994 (Bộ luật Lao động 1994), art. 73',
    effectiveFrom: '1995-01-01',
    tetDays: 4,
    tetDaysBefore: 1,
    hungKings: false,
    nationalDayDays: 1,
    caveat:
      'Before 1995 the holiday list of the 1994 code is used as an approximation; the earlier ' +
      'regulations are not modelled.',
  },
  {
    // Law 84/2007/QH11 added Hùng Kings' day; passed 2 April 2007 and in force from its
    // promulgation that month, so the first Hùng Kings holiday was 26 April 2007.
    id: 'LC1994-2007',
    law: 'Labour Code 1994 as amended by Law 84/2007/QH11, art. 73',
    effectiveFrom: '2007-04-02',
    tetDays: 4,
    tetDaysBefore: 1,
    hungKings: true,
    nationalDayDays: 1,
  },
  {
    id: 'LC2012',
    law: 'Labour Code 2012 (10/2012/QH13), art. 115',
    effectiveFrom: '2013-05-01',
    tetDays: 5,
    tetDaysBefore: 2,
    hungKings: true,
    nationalDayDays: 1,
  },
  {
    id: 'LC2019',
    law: 'Labour Code 2019 (45/2019/QH14), art. 112',
    effectiveFrom: '2021-01-01',
    tetDays: 5,
    tetDaysBefore: 2,
    hungKings: true,
    nationalDayDays: 2,
  },
];

/** The rule set in force on a given ISO date (the first one also covers earlier dates, see its caveat). */
export function ruleSetOn(date: string): HolidayRuleSet {
  let current = HOLIDAY_RULE_SETS[0]!;
  for (const rules of HOLIDAY_RULE_SETS) {
    if (rules.effectiveFrom <= date) current = rules;
  }
  return current;
}

/**
 * Default choice of the day next to 2 September (Labour Code 2019): the neighbour that joins the
 * holiday to the weekend, as the Government chose in 2021 (Thu → 3rd), 2022 (Fri → 1st),
 * 2023 (Sat → 1st), 2024 (Mon → 3rd), 2025 (Tue → 1st) and 2026 (Wed → 1st, with a swap).
 * Returns the offset in days from 2 September: -1 or +1.
 */
export function defaultNationalDayAdjacentOffset(september2: number): -1 | 1 {
  switch (isoWeekday(september2)) {
    case 1: // Monday: 1 Sept is a Sunday anyway, so take Tuesday.
    case 4: // Thursday: Friday makes a four-day weekend.
    case 7: // Sunday: Monday (a Saturday would need two compensatory days).
      return 1;
    default: // Tuesday, Wednesday, Friday, Saturday.
      return -1;
  }
}
