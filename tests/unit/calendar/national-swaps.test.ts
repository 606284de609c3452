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

  // Years with no decision in the data: the default designation (2 days before Tết, 3 after,
  // weekend days compensated) must give the breaks the Government announced.
  describe.each([
    ['2019 (2–10 Feb)', '2019-02-02', '2019-02-10'],
    ['2020 (23–29 Jan)', '2020-01-23', '2020-01-29'],
    ['2021 (10–16 Feb)', '2021-02-10', '2021-02-16'],
    ['2022 (29 Jan–6 Feb)', '2022-01-29', '2022-02-06'],
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
