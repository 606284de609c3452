/** Property tests (fast-check) of the deadline arithmetic, over three tenant shapes and 2023–2027. */
import fc from 'fast-check';
import {
  createCalendar,
  PUBLIC_SECTOR_CONFIG,
  vietnamDateOf,
  type WorkingCalendar,
} from '../../../shared/domain/calendar';
import { fmt, HOUR, vn } from './helpers';

const MINUTE = 60_000;

const calendars: Array<[string, WorkingCalendar]> = [
  ['public sector', createCalendar(PUBLIC_SECTOR_CONFIG)],
  [
    'Saturday-morning centre with local overrides',
    createCalendar({
      officeHours: [
        ['07:00', '11:30'],
        ['13:30', '17:00'],
      ],
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      weekdayHours: { 6: [['07:30', '11:30']] },
      overrides: [
        { date: '2025-03-05', kind: 'off', reason: 'closure' },
        { date: '2025-03-09', kind: 'work', reason: 'Sunday opening', hours: [['08:00', '10:00']] },
        { date: '2025-06-10', kind: 'off', reason: 'afternoon off', hours: [['13:30', '17:00']] },
      ],
    }),
  ],
  [
    'receipt-time counting without swaps',
    createCalendar({ ...PUBLIC_SECTOR_CONFIG, countFrom: 'receipt', useNationalSwaps: false }),
  ],
];

const FROM = vn('2023-01-01 00:00').getTime();
const TO = vn('2027-06-30 00:00').getTime();
/** Any instant in the range, to the minute (so it often hits exact openings and closings). */
const instant = fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => new Date(m * MINUTE));
/** Up to about a year of working hours, in minutes. */
const hours = fc.integer({ min: 1, max: 8 * 60 * 250 }).map((m) => m / 60);
/** Whole and half days up to a year. */
const days = fc.integer({ min: 1, max: 500 }).map((h) => h / 2);

/** A valid result is a working instant, or a closing instant (the minute before it was working). */
function isValidResult(cal: WorkingCalendar, at: Date): boolean {
  return cal.isWorkingInstant(at) || cal.isWorkingInstant(new Date(at.getTime() - 1));
}

const RUNS = { numRuns: 300 };

describe.each(calendars)('properties (%s)', (_name, cal) => {
  describe('addWorkingHours', () => {
    it('round-trips with elapsedWorkingTime', () => {
      fc.assert(
        fc.property(instant, hours, (start, h) => {
          expect(cal.elapsedWorkingTime(start, cal.addWorkingHours(start, h))).toBe(Math.round(h * HOUR));
        }),
        RUNS,
      );
    });

    it('never lands on a non-working instant', () => {
      fc.assert(
        fc.property(instant, hours, (start, h) => {
          const end = cal.addWorkingHours(start, h);
          expect(end.getTime()).toBeGreaterThan(start.getTime());
          expect(isValidResult(cal, end)).toBe(true);
        }),
        RUNS,
      );
    });

    it('is additive: adding a then b equals adding a + b', () => {
      fc.assert(
        fc.property(instant, hours, hours, (start, a, b) => {
          expect(cal.addWorkingHours(cal.addWorkingHours(start, a), b)).toEqual(
            cal.addWorkingHours(start, a + b),
          );
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('addWorkingDays', () => {
    it('round-trips with elapsedWorkingDays', () => {
      fc.assert(
        fc.property(instant, days, (start, d) => {
          expect(cal.elapsedWorkingDays(start, cal.addWorkingDays(start, d))).toBeCloseTo(d, 9);
        }),
        RUNS,
      );
    });

    it('never lands on a non-working instant and grows with the number of days', () => {
      fc.assert(
        fc.property(instant, days, days, (start, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const early = cal.addWorkingDays(start, lo);
          const late = cal.addWorkingDays(start, hi);
          expect(isValidResult(cal, early)).toBe(true);
          expect(late.getTime()).toBeGreaterThanOrEqual(early.getTime());
          if (hi > lo) expect(late.getTime()).toBeGreaterThan(early.getTime());
        }),
        RUNS,
      );
    });
  });

  describe('dueAt', () => {
    it('never lands on a non-working instant and never before the counting start', () => {
      fc.assert(
        fc.property(
          instant,
          fc.oneof(
            days.map((d) => ({ workingDays: d })),
            hours.map((h) => ({ workingHours: h })),
          ),
          (received, allowance) => {
            const due = cal.dueAt(received, allowance);
            expect(isValidResult(cal, due)).toBe(true);
            expect(due.getTime()).toBeGreaterThan(cal.countingStart(received).getTime());
            expect(cal.isWorkingInstant(cal.countingStart(received))).toBe(true);
          },
        ),
        RUNS,
      );
    });

    it('gives a same-day limit the close of the day it starts on: the receipt day or the next working day', () => {
      fc.assert(
        fc.property(instant, (received) => {
          const start = cal.countingStart(received, { sameDay: {} });
          const due = cal.dueAt(received, { sameDay: {} });
          const day = vietnamDateOf(start);
          expect(cal.isWorkingInstant(start)).toBe(true);
          expect(vietnamDateOf(due)).toBe(day);
          expect(fmt(due).slice(11)).toBe(cal.workingHoursOn(day).at(-1)![1]);
          // The receipt day itself unless received after 15:00 or once that day's office closed.
          const receiptDay = vietnamDateOf(received);
          const afterCutoff = fmt(received).slice(11) > '15:00';
          const officeLeft = vietnamDateOf(cal.nextWorkingInstant(received)) === receiptDay;
          expect(day === receiptDay).toBe(officeLeft && !afterCutoff);
          // …and otherwise the very next working day.
          if (day !== receiptDay) expect(cal.elapsedWorkingDays(received, start)).toBeLessThan(1);
        }),
        RUNS,
      );
    });

    it('moves the due time by exactly k working hours for a pause of k working hours', () => {
      fc.assert(
        fc.property(
          instant,
          fc.integer({ min: 1, max: 8 * 60 * 60 }), // allowance: up to 60 working days, in minutes
          fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), // where the pause starts, as a fraction of it
          fc.integer({ min: 1, max: 8 * 60 * 30 }), // pause length in working minutes
          (received, allowanceMin, at, pauseMin) => {
            const start = cal.countingStart(received);
            const allowance = { workingHours: allowanceMin / 60 };
            const pauseFrom = cal.addWorkingHours(start, Math.floor(at * allowanceMin) / 60);
            const pauseTo = cal.addWorkingHours(pauseFrom, pauseMin / 60);
            const before = cal.dueAt(received, allowance);
            const after = cal.dueAt(received, allowance, [{ from: pauseFrom, to: pauseTo }]);
            expect(cal.elapsedWorkingTime(before, after)).toBe(pauseMin * MINUTE);
            // …and the working time on the clock, pauses excluded, is exactly the allowance.
            expect(cal.elapsedWorkingTime(start, after, [{ from: pauseFrom, to: pauseTo }])).toBe(
              allowanceMin * MINUTE,
            );
          },
        ),
        RUNS,
      );
    });
  });

  describe('classify', () => {
    it('is late exactly when finished after the due instant, and early only on an earlier day', () => {
      fc.assert(
        fc.property(instant, instant, (finished, due) => {
          const c = cal.classify(finished, due);
          expect(c === 'late').toBe(finished.getTime() > due.getTime());
          expect(cal.isOverdue(finished, due)).toBe(c === 'late');
          if (c === 'early') expect(finished.getTime()).toBeLessThan(due.getTime());
        }),
        RUNS,
      );
    });
  });
});
