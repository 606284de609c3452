/**
 * Real filing situations around Tết, 30/4–1/5 and 2/9 in 2024–2027, for a public-sector
 * one-stop office (Mon–Fri, 07:30–11:30 and 13:00–17:00, national swaps applied).
 * 2024–2026 use the Government's announced swaps; 2027 uses the rule defaults (projection).
 */
import { createCalendar, PUBLIC_SECTOR_CONFIG, type Allowance } from '../../../shared/domain/calendar';
import { fmt, vn } from './helpers';

const byNextDay = createCalendar(PUBLIC_SECTOR_CONFIG); // default: counting starts the next working day
const byReceipt = createCalendar({ ...PUBLIC_SECTOR_CONFIG, countFrom: 'receipt' }); // cut-off 15:00

type Case = [label: string, mode: 'next' | 'receipt', received: string, allowance: Allowance, due: string];

const CASES: Case[] = [
  // 2024 — Tết 8–14 Feb; 30/4–1/5 with Mon 29 Apr off and Sat 4 May worked; 2/9 31 Aug–3 Sep.
  [
    'received the day before the Tết break',
    'next',
    '2024-02-07 10:00',
    { workingDays: 3 },
    '2024-02-19 17:00',
  ],
  ['5 days straddling Tết', 'next', '2024-02-02 16:00', { workingDays: 5 }, '2024-02-16 17:00'],
  ['2 days before the 30/4 break', 'next', '2024-04-25 09:00', { workingDays: 2 }, '2024-05-02 17:00'],
  ['1 day landing on the swap Saturday', 'next', '2024-05-03 14:00', { workingDays: 1 }, '2024-05-04 17:00'],
  ['half a day on the swap Saturday', 'next', '2024-05-03 10:00', { workingDays: 0.5 }, '2024-05-04 11:30'],
  ['2 days across National Day', 'next', '2024-08-30 11:00', { workingDays: 2 }, '2024-09-05 17:00'],
  [
    '4 working hours from receipt across National Day',
    'receipt',
    '2024-08-30 14:00',
    { workingHours: 4 },
    '2024-09-04 08:30',
  ],
  // 2025 — Tết 25 Jan–2 Feb (no swap); Hùng Kings Mon 7 Apr; 30/4–4/5 with Sat 26 Apr worked; 2/9 30 Aug–2 Sep.
  [
    'after the cut-off on the last day before Tết',
    'receipt',
    '2025-01-24 15:30',
    { workingDays: 3 },
    '2025-02-05 17:00',
  ],
  ['5 days straddling Tết', 'next', '2025-01-23 10:00', { workingDays: 5 }, '2025-02-06 17:00'],
  ["1 day across Hùng Kings' weekend", 'next', '2025-04-04 10:00', { workingDays: 1 }, '2025-04-08 17:00'],
  ['1 day landing on the swap Saturday', 'next', '2025-04-25 10:00', { workingDays: 1 }, '2025-04-26 17:00'],
  ['2 days across the 30/4–4/5 break', 'next', '2025-04-29 09:00', { workingDays: 2 }, '2025-05-06 17:00'],
  ['1.5 days across National Day', 'next', '2025-08-29 10:00', { workingDays: 1.5 }, '2025-09-04 11:30'],
  [
    '8 working hours from receipt across National Day',
    'receipt',
    '2025-08-29 14:30',
    { workingHours: 8 },
    '2025-09-03 14:30',
  ],
  // 2026 — New Year 1–4 Jan with Sat 10 Jan worked; Tết 14–22 Feb; Hùng Kings Sun 26 Apr → Mon 27;
  // 30/4–3/5; 2/9 29 Aug–2 Sep with Sat 22 Aug worked.
  ['2 days across the New Year swap', 'next', '2025-12-31 10:00', { workingDays: 2 }, '2026-01-06 17:00'],
  [
    '1 day landing on the New Year swap Saturday',
    'next',
    '2026-01-09 10:00',
    { workingDays: 1 },
    '2026-01-10 17:00',
  ],
  ['received on the last day before Tết', 'next', '2026-02-13 09:00', { workingDays: 3 }, '2026-02-25 17:00'],
  ['2 days straddling Tết', 'next', '2026-02-12 16:00', { workingDays: 2 }, '2026-02-23 17:00'],
  [
    '3 days across Hùng Kings and 30/4–1/5',
    'next',
    '2026-04-24 10:00',
    { workingDays: 3 },
    '2026-05-04 17:00',
  ],
  [
    '1 day landing on the National Day swap Saturday',
    'next',
    '2026-08-21 10:00',
    { workingDays: 1 },
    '2026-08-22 17:00',
  ],
  ['2 days across National Day', 'next', '2026-08-28 10:00', { workingDays: 2 }, '2026-09-04 17:00'],
  // 2027 — no Government decision yet: Tết 4–10 Feb by the default designation (2 days before,
  // 3 after, Sat–Sun compensated); 1 May is a Saturday → Mon 3 May; 2/9 Thu + 3/9 Fri.
  [
    'eve of Tết after the cut-off (docs example)',
    'next',
    '2027-02-05 15:30',
    { workingDays: 3 },
    '2027-02-15 17:00',
  ],
  [
    'from receipt at 10:00, before Tết',
    'receipt',
    '2027-02-03 10:00',
    { workingDays: 2 },
    '2027-02-12 10:00',
  ],
  [
    "1 day across Hùng Kings' day (Fri 16 Apr)",
    'next',
    '2027-04-15 10:00',
    { workingDays: 1 },
    '2027-04-19 17:00',
  ],
  [
    '2 days across 30/4–1/5 and its compensatory Monday',
    'next',
    '2027-04-29 10:00',
    { workingDays: 2 },
    '2027-05-05 17:00',
  ],
  ['1 day across National Day', 'next', '2027-09-01 10:00', { workingDays: 1 }, '2027-09-06 17:00'],
];

describe('real cases', () => {
  describe('dueAt', () => {
    it.each(CASES)('%s: %s, received %s, %j → due %s', (_label, mode, received, allowance, due) => {
      const calendar = mode === 'next' ? byNextDay : byReceipt;
      expect(fmt(calendar.dueAt(vn(received), allowance))).toBe(due);
    });

    it('covers at least 20 cases', () => {
      expect(CASES.length).toBeGreaterThanOrEqual(20);
    });
  });
});
