import { createCalendar, NATIONAL_DECISIONS, PUBLIC_SECTOR_CONFIG } from '../../../shared/domain/calendar';
import { isoWeekday, parseIsoDate } from '../../../shared/domain/calendar/civil-date';
import { dateRange } from './helpers';

const publicSector = createCalendar(PUBLIC_SECTOR_CONFIG);

describe('national-swaps', () => {
  describe('NATIONAL_DECISIONS', () => {
    it('swaps a weekday off for a Saturday worked, each with a source', () => {
      for (const decision of NATIONAL_DECISIONS) {
        expect(decision.sources.length).toBeGreaterThan(0);
        for (const swap of decision.swaps) {
          expect(isoWeekday(parseIsoDate(swap.off))).toBeLessThanOrEqual(5);
          expect(isoWeekday(parseIsoDate(swap.work))).toBe(6);
        }
      }
    });
  });

  // The public-sector breaks as the Government announced them: [first day off, last day off,
  // and the days around that must be working days].
  describe.each([
    [
      '2014 Tết (28 Jan–5 Feb, Sat 25 Jan and Sat 8 Feb worked)',
      '2014-01-28',
      '2014-02-05',
      ['2014-01-25', '2014-01-27', '2014-02-06', '2014-02-08'],
    ],
    [
      '2014 30/4–1/5 (30 Apr–4 May, Sat 26 Apr worked)',
      '2014-04-30',
      '2014-05-04',
      ['2014-04-26', '2014-04-29', '2014-05-05'],
    ],
    [
      '2014 National Day (30 Aug–2 Sep, Sat 6 Sep worked)',
      '2014-08-30',
      '2014-09-02',
      ['2014-08-29', '2014-09-03', '2014-09-06'],
    ],
    [
      '2015 New Year (1–4 Jan, Sat 27 Dec 2014 worked)',
      '2015-01-01',
      '2015-01-04',
      ['2014-12-27', '2014-12-31', '2015-01-05'],
    ],
    [
      '2015 Tết (15–23 Feb, Sat 14 Feb worked)',
      '2015-02-15',
      '2015-02-23',
      ['2015-02-13', '2015-02-14', '2015-02-24'],
    ],
    [
      "2015 Hùng Kings' day and 30/4–1/5 (28 Apr–3 May, Sat 25 Apr worked)",
      '2015-04-28',
      '2015-05-03',
      ['2015-04-25', '2015-04-27', '2015-05-04'],
    ],
    ['2016 Tết (6–14 Feb, no swap)', '2016-02-06', '2016-02-14', ['2016-02-05', '2016-02-15']],
    ['2017 Tết (26 Jan–1 Feb, no swap)', '2017-01-26', '2017-02-01', ['2017-01-25', '2017-02-02']],
    ['2018 Tết (14–20 Feb, no swap)', '2018-02-14', '2018-02-20', ['2018-02-13', '2018-02-21']],
    ['2018 30/4–1/5 (28 Apr–1 May)', '2018-04-28', '2018-05-01', ['2018-04-27', '2018-05-02']],
    [
      '2019 New Year (29 Dec 2018–1 Jan, Sat 5 Jan worked)',
      '2018-12-29',
      '2019-01-01',
      ['2018-12-28', '2019-01-02', '2019-01-05'],
    ],
    ['2019 Tết (2–10 Feb, no swap)', '2019-02-02', '2019-02-10', ['2019-02-01', '2019-02-11']],
    [
      '2019 30/4–1/5 (27 Apr–1 May, Sat 4 May worked)',
      '2019-04-27',
      '2019-05-01',
      ['2019-04-26', '2019-05-02', '2019-05-04'],
    ],
    ['2022 Tết (29 Jan–6 Feb, no swap)', '2022-01-29', '2022-02-06', ['2022-01-28', '2022-02-07']],
    ['2023 30/4–1/5 (29 Apr–3 May, no swap)', '2023-04-29', '2023-05-03', ['2023-04-28', '2023-05-04']],
    ['2023 National Day (1–4 Sep)', '2023-09-01', '2023-09-04', ['2023-08-31', '2023-09-05']],
    ['2024 Tết (8–14 Feb, no swap)', '2024-02-08', '2024-02-14', ['2024-02-07', '2024-02-15']],
    ["2024 Hùng Kings' day (Thu 18 Apr)", '2024-04-18', '2024-04-18', ['2024-04-17', '2024-04-19']],
    [
      '2024 30/4–1/5 (27 Apr–1 May, Sat 4 May worked)',
      '2024-04-27',
      '2024-05-01',
      ['2024-04-26', '2024-05-02', '2024-05-04'],
    ],
    ['2024 National Day (31 Aug–3 Sep)', '2024-08-31', '2024-09-03', ['2024-08-30', '2024-09-04']],
    ['2025 New Year (Wed 1 Jan)', '2025-01-01', '2025-01-01', ['2024-12-31', '2025-01-02']],
    ['2025 Tết (25 Jan–2 Feb, no swap)', '2025-01-25', '2025-02-02', ['2025-01-24', '2025-02-03']],
    ["2025 Hùng Kings' day (Mon 7 Apr)", '2025-04-05', '2025-04-07', ['2025-04-04', '2025-04-08']],
    [
      '2025 30/4–1/5 (30 Apr–4 May, Sat 26 Apr worked)',
      '2025-04-30',
      '2025-05-04',
      ['2025-04-26', '2025-04-29', '2025-05-05'],
    ],
    ['2025 National Day (30 Aug–2 Sep)', '2025-08-30', '2025-09-02', ['2025-08-29', '2025-09-03']],
    [
      '2026 New Year (1–4 Jan, Sat 10 Jan worked)',
      '2026-01-01',
      '2026-01-04',
      ['2025-12-31', '2026-01-05', '2026-01-10'],
    ],
    ['2026 Tết (14–22 Feb, no swap)', '2026-02-14', '2026-02-22', ['2026-02-13', '2026-02-23']],
    [
      "2026 Hùng Kings' day (Sun 26 Apr → Mon 27 Apr)",
      '2026-04-25',
      '2026-04-27',
      ['2026-04-24', '2026-04-28'],
    ],
    ['2026 30/4–1/5 (30 Apr–3 May)', '2026-04-30', '2026-05-03', ['2026-04-29', '2026-05-04']],
    [
      '2026 National Day (29 Aug–2 Sep, Sat 22 Aug worked)',
      '2026-08-29',
      '2026-09-02',
      ['2026-08-22', '2026-08-28', '2026-09-03'],
    ],
  ])('%s', (_label, firstOff, lastOff, workingDays) => {
    it('closes every day of the announced break', () => {
      for (const date of dateRange(firstOff, lastOff))
        expect([date, publicSector.isWorkingDay(date)]).toEqual([date, false]);
    });

    it('opens the days around it, including any swap Saturday', () => {
      for (const date of workingDays) expect([date, publicSector.isWorkingDay(date)]).toEqual([date, true]);
    });
  });

  // Years with no Tết designation in the data: the default designation (2 days before Tết, 3
  // after, weekend days compensated) must give the breaks the Government announced.
  describe.each([
    ['2016 (6–14 Feb)', '2016-02-06', '2016-02-14'],
    ['2017 (26 Jan–1 Feb)', '2017-01-26', '2017-02-01'],
    ['2018 (14–20 Feb)', '2018-02-14', '2018-02-20'],
    ['2020 (23–29 Jan)', '2020-01-23', '2020-01-29'],
    ['2021 (10–16 Feb)', '2021-02-10', '2021-02-16'],
    ['2023 (20–26 Jan)', '2023-01-20', '2023-01-26'],
  ])('Tết %s from the rules alone', (_label, firstOff, lastOff) => {
    it('closes exactly the announced break', () => {
      const before = new Date(Date.parse(`${firstOff}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const after = new Date(Date.parse(`${lastOff}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      for (const date of dateRange(firstOff, lastOff))
        expect([date, publicSector.isWorkingDay(date)]).toEqual([date, false]);
      expect(publicSector.isWorkingDay(before)).toBe(true);
      expect(publicSector.isWorkingDay(after)).toBe(true);
    });
  });

  // The days issue 7 found counted wrong before the 2014–2023 data: each a day off or a worked
  // Saturday of the public sector, as the Government's decisions for 2015 and 2019 made them.
  describe.each([
    ['2015-01-02', false, 'Fri, New Year swap'],
    ['2015-02-16', false, 'Mon, Tết swap'],
    ['2015-04-29', false, "Wed, Hùng Kings' and 30/4 swap"],
    ['2018-12-31', false, 'Mon, New Year 2019 swap'],
    ['2019-04-29', false, 'Mon, 30/4 swap'],
    ['2014-12-27', true, 'Sat, worked for 2 Jan 2015'],
    ['2015-02-14', true, 'Sat, worked for 16 Feb 2015'],
    ['2015-04-25', true, 'Sat, worked for 29 Apr 2015'],
    ['2019-01-05', true, 'Sat, worked for 31 Dec 2018'],
    ['2019-05-04', true, 'Sat, worked for 29 Apr 2019'],
  ])('%s (%s)', (date, working, _why) => {
    it(working ? 'is a working day' : 'is a day off', () => {
      expect(publicSector.isWorkingDay(date)).toBe(working);
      const listed = working
        ? publicSector.specialWorkingDays(Number(date.slice(0, 4))).map((d) => [d.date, d.kind])
        : publicSector.holidays(Number(date.slice(0, 4))).map((d) => [d.date, d.kind]);
      expect(listed).toContainEqual([date, working ? 'swapWork' : 'swapOff']);
    });
  });

  it.each([
    // Thu 25, Fri 26 and the worked Sat 27 Dec 2014 (without the data: Mon 29 Dec).
    ['2014-12-24T10:00:00+07:00', 3, '2014-12-27T17:00:00+07:00'],
    // Mon 29 Apr 2019 was given off, 30/4–1/5 are holidays: Thu 2, Fri 3 May (without: Thu 2 May).
    ['2019-04-26T09:00:00+07:00', 2, '2019-05-03T17:00:00+07:00'],
  ])('counts a past period on the right days: %s + %d working days → %s', (received, days, due) => {
    expect(publicSector.dueAt(new Date(received), { workingDays: days })).toEqual(new Date(due));
  });

  describe('useNationalSwaps', () => {
    it('ignores the swaps when false but keeps the statutory holidays', () => {
      const lawOnly = createCalendar({ ...PUBLIC_SECTOR_CONFIG, useNationalSwaps: false });
      expect(lawOnly.isWorkingDay('2024-04-29')).toBe(true);
      expect(lawOnly.isWorkingDay('2024-05-04')).toBe(false);
      expect(lawOnly.isWorkingDay('2024-04-30')).toBe(false);
      expect(lawOnly.holidays(2024).some((h) => h.kind === 'swapOff')).toBe(false);
    });
  });
});
