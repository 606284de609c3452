import { hungKingsDay, lunarNewYear } from '../../../shared/domain/calendar';
import { formatIsoDate, isoWeekday, parseIsoDate } from '../../../shared/domain/calendar/civil-date';
import { ruleSetOn } from '../../../shared/domain/calendar/holiday-rules';
import { compensatoryDays, statutoryHolidays, tetDays } from '../../../shared/domain/calendar/holidays';

const dates = (year: number): string[] => statutoryHolidays(year).map((h) => formatIsoDate(h.day));
const monToFriRest = (day: number): boolean => isoWeekday(day) >= 6;
const compensatoryDates = (year: number): string[] =>
  compensatoryDays(statutoryHolidays(year), monToFriRest).map((c) => formatIsoDate(c.day));

describe('holiday-rules', () => {
  describe('ruleSetOn', () => {
    it.each([
      ['1990-06-01', 'LC1994'], // before the 1994 code: its list, flagged as an approximation
      ['2007-04-01', 'LC1994'],
      ['2007-04-26', 'LC1994-2007'],
      ['2013-04-30', 'LC1994-2007'],
      ['2013-05-01', 'LC2012'],
      ['2020-12-31', 'LC2012'],
      ['2021-01-01', 'LC2019'],
    ])('returns the rule set in force on %s', (date, id) => {
      expect(ruleSetOn(date).id).toBe(id);
    });

    it('flags the rule set used before 1995 as an approximation', () => {
      expect(ruleSetOn('1994-12-31').caveat).toMatch(/approximation/);
    });
  });
});

describe('holidays', () => {
  describe('tetDays', () => {
    it('gives 4 days (last day of the year + 3) under the 1994 code, including Tết 2013 (before 1 May 2013)', () => {
      expect(tetDays(2012).map(formatIsoDate)).toEqual([
        '2012-01-22',
        '2012-01-23',
        '2012-01-24',
        '2012-01-25',
      ]);
      expect(tetDays(2013).map(formatIsoDate)).toEqual([
        '2013-02-09',
        '2013-02-10',
        '2013-02-11',
        '2013-02-12',
      ]);
    });

    it('gives 5 days from 2014, 2 before and 3 after New Year by default', () => {
      expect(tetDays(2016).map(formatIsoDate)).toEqual([
        '2016-02-06',
        '2016-02-07',
        '2016-02-08',
        '2016-02-09',
        '2016-02-10',
      ]);
      expect(tetDays(2027).map(formatIsoDate)).toEqual([
        '2027-02-04',
        '2027-02-05',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
      ]);
    });

    it('uses the Government designation when one is recorded (2014: 30 Chạp to mùng 4)', () => {
      expect(tetDays(2014).map(formatIsoDate)).toEqual([
        '2014-01-30',
        '2014-01-31',
        '2014-02-01',
        '2014-02-02',
        '2014-02-03',
      ]);
    });

    it('uses the Government designation when one is recorded (2026: 1 before, 4 after)', () => {
      expect(tetDays(2026).map(formatIsoDate)).toEqual([
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
      ]);
    });
  });

  describe('statutoryHolidays', () => {
    it('adds Hùng Kings from 2007 only', () => {
      expect(dates(2006)).not.toContain(hungKingsDay(2006));
      expect(dates(2007)).toContain('2007-04-26');
    });

    it('gives 2 September alone until 2020 and with an adjacent day from 2021', () => {
      expect(dates(2020).filter((d) => d.startsWith('2020-09'))).toEqual(['2020-09-02']);
      expect(dates(2021).filter((d) => d.startsWith('2021-09'))).toEqual(['2021-09-02', '2021-09-03']); // Thu → Fri
      expect(dates(2022).filter((d) => d.startsWith('2022-09'))).toEqual(['2022-09-01', '2022-09-02']); // Fri → Thu
      expect(dates(2023).filter((d) => d.startsWith('2023-09'))).toEqual(['2023-09-01', '2023-09-02']); // Sat → Fri
      expect(dates(2024).filter((d) => d.startsWith('2024-09'))).toEqual(['2024-09-02', '2024-09-03']); // data
    });

    it('puts every holiday of every year 1990–2100 where the law in force puts it', () => {
      for (let year = 1990; year <= 2100; year++) {
        const list = dates(year);
        const rules = ruleSetOn(lunarNewYear(year));
        for (const fixed of ['01-01', '04-30', '05-01', '09-02']) expect(list).toContain(`${year}-${fixed}`);

        // Tết: consecutive days around lunar New Year's Day, as many as the law gives.
        const tet = tetDays(year);
        expect(tet).toHaveLength(rules.tetDays);
        tet.forEach((d, i) => i > 0 && expect(d).toBe(tet[i - 1]! + 1));
        const newYear = parseIsoDate(lunarNewYear(year));
        expect(tet).toContain(newYear);
        expect(tet[0]).toBeLessThan(newYear); // always at least the last day of the old year
        for (const d of tet) expect(list).toContain(formatIsoDate(d));

        const hung = hungKingsDay(year);
        if (year >= 2007) expect(list).toContain(hung);
        else expect(list).not.toContain(hung);

        const september = list.filter((d) => d.startsWith(`${year}-09`));
        if (year >= 2021)
          expect([`${year}-09-01`, `${year}-09-03`]).toContain(september.find((d) => !d.endsWith('-02')));
        else expect(september).toEqual([`${year}-09-02`]);

        // No day is listed twice, and the count is the law's unless two holidays share a day.
        expect(new Set(list).size).toBe(list.length);
        const expected = 4 + rules.tetDays + (year >= 2007 ? 1 : 0) + (year >= 2021 ? 1 : 0);
        const shared = statutoryHolidays(year).filter((h) => h.name.includes(' + ')).length;
        expect(list.length + shared).toBe(expected);
      }
    });
  });

  describe('compensatoryDays', () => {
    it.each([
      // [year, compensatory days for a Monday–Friday office, what was announced]
      // 2016: Tết 6–14 Feb; Hùng Kings Sat 16/4; 30/4 Sat and 1/5 Sun.
      [2016, ['2016-02-11', '2016-02-12', '2016-04-18', '2016-05-02', '2016-05-03']],
      // 2017: 1/1 Sun; Tết 26 Jan–1 Feb; 30/4 Sun → after 1/5 (break 29/4–2/5); 2/9 Sat.
      [2017, ['2017-01-02', '2017-01-31', '2017-02-01', '2017-05-02', '2017-09-04']],
      // 2022: 1/1 Sat; Tết designated Mon 31 Jan–Fri 4 Feb (break 29 Jan–6 Feb, nothing to
      // compensate); Hùng Kings Sun 10/4; 30/4–1/5 on the weekend.
      [2022, ['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']],
      [2023, ['2023-01-02', '2023-01-25', '2023-01-26', '2023-05-02', '2023-05-03', '2023-09-04']], // 29/4–3/5 and 1–4/9 breaks
      [2024, ['2024-02-13', '2024-02-14']], // Tết 8–14 Feb
    ])('gives the announced compensatory days in %i', (year, expected) => {
      expect(compensatoryDates(year)).toEqual(expected);
    });

    it('compensates nothing for a Saturday holiday when Saturday is a working day', () => {
      const monToSatRest = (day: number): boolean => isoWeekday(day) === 7;
      const comps = compensatoryDays(statutoryHolidays(2027), monToSatRest).map((c) => formatIsoDate(c.day));
      // 1 May 2027 (Sat) is not compensated; Tết's Sunday 7 Feb moves to the day after the block.
      expect(comps).toEqual(['2027-02-09']);
    });

    it('gives each weekend holiday 1990–2100 one weekday after it that is not itself a holiday', () => {
      for (let year = 1990; year <= 2100; year++) {
        const holidays = statutoryHolidays(year);
        const holidayDays = new Set(holidays.map((h) => h.day));
        const comps = compensatoryDays(holidays, monToFriRest);
        expect(comps).toHaveLength(holidays.filter((h) => monToFriRest(h.day)).length);
        expect(new Set(comps.map((c) => c.day)).size).toBe(comps.length);
        for (const c of comps) {
          expect(c.day).toBeGreaterThan(c.forDay);
          expect(c.day - c.forDay).toBeLessThanOrEqual(9);
          expect(monToFriRest(c.day)).toBe(false);
          expect(holidayDays.has(c.day)).toBe(false);
        }
      }
    });
  });
});
