import {
  createCalendar,
  isOpenEnded,
  OPEN_ENDED_DUE,
  PUBLIC_SECTOR_CONFIG,
  type CalendarConfig,
} from '../../../shared/domain/calendar';
import { fmt, HOUR, vn } from './helpers';

const cal = createCalendar(PUBLIC_SECTOR_CONFIG);
const receiptCal = createCalendar({ ...PUBLIC_SECTOR_CONFIG, countFrom: 'receipt' });
/** A centre open Monday–Friday plus Saturday mornings. */
const saturdayMornings: CalendarConfig = {
  ...PUBLIC_SECTOR_CONFIG,
  workingWeekdays: [1, 2, 3, 4, 5, 6],
  weekdayHours: { 6: [['07:30', '11:30']] },
};

// March 2025 has no holiday: Mon 3 … Fri 7, Mon 10 …
describe('working-calendar', () => {
  describe('createCalendar', () => {
    it.each<[string, Partial<CalendarConfig>]>([
      ['a weekday outside 1–7', { workingWeekdays: [0, 1] }],
      ['hours for a weekday that is not worked', { weekdayHours: { 6: [['07:30', '11:30']] } }],
      [
        'overlapping office hours',
        {
          officeHours: [
            ['07:30', '12:00'],
            ['11:00', '17:00'],
          ],
        },
      ],
      ['a reversed interval', { officeHours: [['17:00', '07:30']] }],
      ['no office hours', { officeHours: [] }],
      ['a malformed cut-off', { cutoff: '3pm' }],
      ['a malformed override date', { overrides: [{ date: '2025-02-30', kind: 'off', reason: 'x' }] }],
    ])('throws a RangeError when given %s', (_label, patch) => {
      expect(() => createCalendar({ ...PUBLIC_SECTOR_CONFIG, ...patch })).toThrow(RangeError);
    });

    it('keeps the config it was given', () => {
      expect(cal.config).toBe(PUBLIC_SECTOR_CONFIG);
    });
  });

  describe('isWorkingDay', () => {
    it('is true on a plain weekday and false on weekends, holidays and compensatory days', () => {
      expect(cal.isWorkingDay('2025-03-03')).toBe(true);
      expect(cal.isWorkingDay('2025-03-08')).toBe(false);
      expect(cal.isWorkingDay('2025-09-02')).toBe(false);
      expect(cal.isWorkingDay('2023-09-04')).toBe(false); // compensatory for Sat 2 Sep 2023
    });

    it('applies tenant overrides after the national swaps', () => {
      const tenant = createCalendar({
        ...PUBLIC_SECTOR_CONFIG,
        overrides: [
          { date: '2025-03-05', kind: 'off', reason: 'Bầu cử tại địa phương' },
          { date: '2025-03-08', kind: 'work', reason: 'Ngày thứ Bảy tiếp dân' },
          { date: '2024-04-29', kind: 'work', reason: 'Trung tâm trực, không nghỉ hoán đổi' },
        ],
      });
      expect(tenant.isWorkingDay('2025-03-05')).toBe(false);
      expect(tenant.isWorkingDay('2025-03-08')).toBe(true);
      expect(tenant.isWorkingDay('2024-04-29')).toBe(true);
      expect(tenant.holidays(2025)).toContainEqual({
        date: '2025-03-05',
        name: 'Bầu cử tại địa phương',
        kind: 'local',
      });
      expect(tenant.holidays(2024).some((h) => h.date === '2024-04-29')).toBe(false);
      expect(tenant.specialWorkingDays(2025)).toContainEqual({
        date: '2025-03-08',
        reason: 'Ngày thứ Bảy tiếp dân',
        kind: 'local',
      });
    });

    it('throws a RangeError for a year outside 1800–2199', () => {
      expect(() => cal.isWorkingDay('2200-01-02')).toThrow(RangeError);
    });
  });

  describe('workingHoursOn', () => {
    it('returns the weekday hours, a partial closure, or nothing', () => {
      const tenant = createCalendar({
        ...saturdayMornings,
        overrides: [
          { date: '2025-03-07', kind: 'off', reason: 'Họp toàn cơ quan', hours: [['13:00', '17:00']] },
        ],
      });
      expect(tenant.workingHoursOn('2025-03-06')).toEqual([
        ['07:30', '11:30'],
        ['13:00', '17:00'],
      ]);
      expect(tenant.workingHoursOn('2025-03-07')).toEqual([['07:30', '11:30']]);
      expect(tenant.workingHoursOn('2025-03-08')).toEqual([['07:30', '11:30']]);
      expect(tenant.workingHoursOn('2025-03-09')).toEqual([]);
      expect(tenant.holidays(2025)).toContainEqual({
        date: '2025-03-07',
        name: 'Họp toàn cơ quan (13:00–17:00)',
        kind: 'local',
      });
    });

    it('gives a swap Saturday full office hours even for a Saturday-morning centre', () => {
      expect(createCalendar(saturdayMornings).workingHoursOn('2025-04-26')).toEqual([
        ['07:30', '11:30'],
        ['13:00', '17:00'],
      ]);
    });
  });

  describe('isWorkingInstant', () => {
    it.each([
      ['2025-03-03 07:29', false],
      ['2025-03-03 07:30', true],
      ['2025-03-03 11:29', true],
      ['2025-03-03 11:30', false], // closing instants are not working time
      ['2025-03-03 12:15', false],
      ['2025-03-03 13:00', true],
      ['2025-03-03 17:00', false],
      ['2025-03-08 09:00', false],
      ['2025-09-02 09:00', false],
    ])('at %s is %s', (at, expected) => {
      expect(cal.isWorkingInstant(vn(at))).toBe(expected);
    });

    it('reads Vietnam time from the UTC instant whatever the machine time zone', () => {
      expect(cal.isWorkingInstant(new Date('2025-03-03T00:30:00Z'))).toBe(true); // 07:30 in Hà Nội
      expect(cal.isWorkingInstant(new Date('2025-03-03T10:00:00Z'))).toBe(false); // 17:00
    });
  });

  describe('countingStart', () => {
    it.each([
      ['a weekday morning', '2025-03-03 10:00', '2025-03-04 07:30'],
      ['a weekday evening', '2025-03-03 20:00', '2025-03-04 07:30'],
      ['a Saturday', '2025-03-08 09:00', '2025-03-10 07:30'],
      ['a Friday afternoon', '2025-03-07 16:00', '2025-03-10 07:30'],
    ])('starts at the next working day when received on %s (default)', (_label, received, start) => {
      expect(fmt(cal.countingStart(vn(received)))).toBe(start);
    });

    it.each([
      ['before opening', '2025-03-03 06:45', '2025-03-03 07:30'],
      ['in the morning', '2025-03-03 10:00', '2025-03-03 10:00'],
      ['in the lunch break', '2025-03-03 12:00', '2025-03-03 13:00'],
      ['just before the cut-off', '2025-03-03 14:59', '2025-03-03 14:59'],
      ['at the cut-off', '2025-03-03 15:00', '2025-03-04 07:30'],
      ['after the cut-off', '2025-03-03 16:30', '2025-03-04 07:30'],
      ['on a holiday', '2025-09-02 09:00', '2025-09-03 07:30'],
    ])("starts at the receipt when countFrom is 'receipt' and received %s", (_label, received, start) => {
      expect(fmt(receiptCal.countingStart(vn(received)))).toBe(start);
    });

    it('uses a configured cut-off', () => {
      const late = createCalendar({ ...PUBLIC_SECTOR_CONFIG, countFrom: 'receipt', cutoff: '16:00' });
      expect(fmt(late.countingStart(vn('2025-03-03 15:30')))).toBe('2025-03-03 15:30');
    });
  });

  describe('addWorkingDays', () => {
    it('ends a whole number of days at the closing time of the last day, not the next opening', () => {
      expect(fmt(cal.addWorkingDays(vn('2025-03-03 07:30'), 1))).toBe('2025-03-03 17:00');
      expect(fmt(cal.addWorkingDays(vn('2025-03-03 07:30'), 5))).toBe('2025-03-07 17:00');
      expect(fmt(cal.addWorkingDays(vn('2025-03-03 17:00'), 1))).toBe('2025-03-04 17:00');
    });

    it('keeps the time of day when starting inside office hours', () => {
      expect(fmt(cal.addWorkingDays(vn('2025-03-06 10:00'), 1))).toBe('2025-03-07 10:00');
      expect(fmt(cal.addWorkingDays(vn('2025-03-07 10:00'), 1))).toBe('2025-03-10 10:00');
    });

    it('counts half a day as half of that day’s working hours', () => {
      expect(fmt(cal.addWorkingDays(vn('2025-03-03 07:30'), 0.5))).toBe('2025-03-03 11:30');
      expect(fmt(cal.addWorkingDays(vn('2025-03-03 12:00'), 0.5))).toBe('2025-03-03 17:00');
      const sat = createCalendar(saturdayMornings);
      expect(fmt(sat.addWorkingDays(vn('2025-03-08 07:30'), 0.5))).toBe('2025-03-08 09:30'); // 2 h of a 4 h Saturday
      expect(fmt(sat.addWorkingDays(vn('2025-03-07 07:30'), 2))).toBe('2025-03-08 11:30');
    });

    it('returns the next working instant for 0 days and rejects negative or non-finite days', () => {
      expect(fmt(cal.addWorkingDays(vn('2025-03-08 09:00'), 0))).toBe('2025-03-10 07:30');
      expect(() => cal.addWorkingDays(vn('2025-03-03 07:30'), -1)).toThrow(RangeError);
      expect(() => cal.addWorkingDays(vn('2025-03-03 07:30'), NaN)).toThrow(RangeError);
      expect(() => cal.addWorkingDays(new Date(NaN), 1)).toThrow(RangeError);
    });

    it('crosses a year boundary', () => {
      expect(fmt(cal.addWorkingDays(vn('2025-12-31 07:30'), 2))).toBe('2026-01-05 17:00'); // 1/1 holiday, 2/1 swap
      expect(fmt(cal.addWorkingDays(vn('2025-01-02 07:30'), 500))).toBe(
        fmt(cal.addWorkingDays(cal.addWorkingDays(vn('2025-01-02 07:30'), 250), 250)),
      );
    });
  });

  describe('addWorkingHours', () => {
    it('stops at 11:30 rather than 13:00 when the hours end at the lunch break', () => {
      expect(fmt(cal.addWorkingHours(vn('2025-03-03 07:30'), 4))).toBe('2025-03-03 11:30');
      expect(fmt(cal.addWorkingHours(vn('2025-03-03 07:30'), 4.5))).toBe('2025-03-03 13:30');
    });

    it('skips nights, weekends and holidays', () => {
      expect(fmt(cal.addWorkingHours(vn('2025-03-07 16:00'), 2))).toBe('2025-03-10 08:30');
      expect(fmt(cal.addWorkingHours(vn('2025-08-29 16:00'), 2))).toBe('2025-09-03 08:30');
    });

    it('returns the next working instant for 0 hours', () => {
      expect(fmt(cal.addWorkingHours(vn('2025-03-03 12:00'), 0))).toBe('2025-03-03 13:00');
    });
  });

  describe('elapsedWorkingTime', () => {
    it('counts only office hours', () => {
      expect(cal.elapsedWorkingTime(vn('2025-03-03 07:30'), vn('2025-03-03 17:00'))).toBe(8 * HOUR);
      expect(cal.elapsedWorkingTime(vn('2025-03-07 16:00'), vn('2025-03-10 08:30'))).toBe(2 * HOUR);
      expect(cal.elapsedWorkingTime(vn('2025-03-03 06:00'), vn('2025-03-09 23:00'))).toBe(40 * HOUR);
    });

    it('returns 0 when to <= from', () => {
      expect(cal.elapsedWorkingTime(vn('2025-03-04 10:00'), vn('2025-03-03 10:00'))).toBe(0);
    });

    it('excludes paused spans, merging overlapping pauses and counting an open pause up to `to`', () => {
      const from = vn('2025-03-03 07:30');
      const to = vn('2025-03-07 17:00'); // 40 h
      const pauses = [
        { from: vn('2025-03-04 07:30'), to: vn('2025-03-04 17:00') }, // 8 h
        { from: vn('2025-03-04 13:00'), to: vn('2025-03-05 11:30') }, // overlaps: +4 h
        { from: vn('2025-03-07 13:00') }, // still paused: 4 h until `to`
      ];
      expect(cal.elapsedWorkingTime(from, to, pauses)).toBe(24 * HOUR);
    });
  });

  describe('elapsedWorkingDays', () => {
    it('measures whole and fractional working days', () => {
      expect(cal.elapsedWorkingDays(vn('2025-03-03 07:30'), vn('2025-03-07 17:00'))).toBe(5);
      expect(cal.elapsedWorkingDays(vn('2025-03-03 07:30'), vn('2025-03-03 11:30'))).toBe(0.5);
    });
  });

  describe('dueAt', () => {
    const received = vn('2025-03-03 10:00'); // counting starts Tue 4 Mar 07:30

    it('adds working days from the counting start', () => {
      expect(fmt(cal.dueAt(received, { workingDays: 3 }))).toBe('2025-03-06 17:00');
      expect(fmt(cal.dueAt(received, { workingHours: 12 }))).toBe('2025-03-05 11:30');
      expect(fmt(cal.dueAt(received, { workingDays: 0 }))).toBe('2025-03-04 07:30');
    });

    it('moves the due time by the working time of a pause inside the allowance', () => {
      // Supplement requested Wed 5 Mar 10:00, full supplement Thu 6 Mar 10:00: 8 working hours.
      const pauses = [{ from: vn('2025-03-05 10:00'), to: vn('2025-03-06 10:00') }];
      const due = cal.dueAt(received, { workingDays: 3 }, pauses);
      expect(fmt(due)).toBe('2025-03-07 17:00');
      expect(cal.elapsedWorkingTime(cal.dueAt(received, { workingDays: 3 }), due)).toBe(8 * HOUR);
    });

    it('ignores a pause that starts after the due time or ends before the counting start', () => {
      const pauses = [
        { from: vn('2025-03-03 10:30'), to: vn('2025-03-03 16:00') },
        { from: vn('2025-03-06 17:00'), to: vn('2025-03-10 10:00') },
      ];
      expect(fmt(cal.dueAt(received, { workingDays: 3 }, pauses))).toBe('2025-03-06 17:00');
    });

    it('extends through successive pauses, including one that only starts within the extension', () => {
      const pauses = [
        { from: vn('2025-03-06 13:00'), to: vn('2025-03-07 13:00') }, // 8 h → due Fri 7 Mar 17:00
        { from: vn('2025-03-07 16:00'), to: vn('2025-03-10 08:00') }, // starts before the new due: +1.5 h
      ];
      expect(fmt(cal.dueAt(received, { workingDays: 3 }, pauses))).toBe('2025-03-10 09:00');
    });

    it('returns OPEN_ENDED_DUE while a pause that started before the due time is still open', () => {
      const due = cal.dueAt(received, { workingDays: 3 }, [{ from: vn('2025-03-05 09:00') }]);
      expect(due).toEqual(OPEN_ENDED_DUE);
      expect(isOpenEnded(due)).toBe(true);
      expect(cal.isOverdue(vn('2099-01-01 00:00'), due)).toBe(false);
    });

    it('throws a RangeError unless exactly one non-negative allowance is set', () => {
      expect(() => cal.dueAt(received, {})).toThrow(RangeError);
      expect(() => cal.dueAt(received, { workingDays: 1, workingHours: 8 })).toThrow(RangeError);
      expect(() => cal.dueAt(received, { workingHours: -1 })).toThrow(RangeError);
    });

    it('follows the receipt-time rule when configured', () => {
      expect(fmt(receiptCal.dueAt(received, { workingDays: 3 }))).toBe('2025-03-06 10:00');
      expect(fmt(receiptCal.dueAt(received, { workingDays: 0.5 }))).toBe('2025-03-03 15:30');
      expect(fmt(receiptCal.dueAt(vn('2025-03-03 15:30'), { workingDays: 1 }))).toBe('2025-03-04 17:00');
    });
  });

  // "Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được
  // ngay thì trả kết quả trong ngày làm việc tiếp theo" (birth registration and other civil-status
  // procedures). 2027: Tết 4–10 Feb; Hùng Kings Fri 16 Apr; 30 Apr Fri, 1 May Sat → Mon 3 May.
  describe('dueAt with a same-day limit', () => {
    const sameDay = { sameDay: {} };

    it.each([
      ['Wed 3 Feb 2027, 08:00: the same day', '2027-02-03 08:00', '2027-02-03 17:00'],
      ['before opening: the same day', '2027-03-03 06:00', '2027-03-03 17:00'],
      ['in the lunch break: the same day', '2027-03-03 12:00', '2027-03-03 17:00'],
      [
        'at 15:00 sharp: still the same day ("sau 15 giờ" is after it)',
        '2027-02-03 15:00',
        '2027-02-03 17:00',
      ],
      [
        'after 15:00, on the eve of Tết: the next working day, Thu 11 Feb',
        '2027-02-03 15:01',
        '2027-02-11 17:00',
      ],
      ['Friday before the cut-off: that Friday', '2027-03-05 14:00', '2027-03-05 17:00'],
      ['Friday after the cut-off: Monday', '2027-03-05 16:00', '2027-03-08 17:00'],
      ['on a Saturday: Monday', '2027-03-06 09:00', '2027-03-08 17:00'],
      ['Thu 29 Apr before 30/4–1/5: the same day', '2027-04-29 10:00', '2027-04-29 17:00'],
      [
        'Thu 29 Apr after the cut-off: Tue 4 May, after 30/4, 1/5 and Mon 3 May (compensatory)',
        '2027-04-29 16:00',
        '2027-05-04 17:00',
      ],
      [
        'New Year’s Eve 2027 after the cut-off: Tue 4 Jan 2028 (1 Jan is a Saturday)',
        '2027-12-31 16:00',
        '2028-01-04 17:00',
      ],
    ])('received %s', (_label, received, due) => {
      expect(fmt(cal.dueAt(vn(received), sameDay))).toBe(due);
    });

    it('ignores the tenant’s countFrom and uses the procedure’s own cut-off', () => {
      expect(fmt(receiptCal.dueAt(vn('2027-03-03 15:30'), sameDay))).toBe('2027-03-04 17:00');
      expect(fmt(cal.dueAt(vn('2027-03-03 13:00'), { sameDay: { cutoff: '11:30' } }))).toBe(
        '2027-03-04 17:00',
      );
      // A cut-off after closing: a receipt after closing still goes to the next working day.
      expect(fmt(cal.dueAt(vn('2027-03-03 16:59'), { sameDay: { cutoff: '18:00' } }))).toBe(
        '2027-03-03 17:00',
      );
      expect(fmt(cal.dueAt(vn('2027-03-03 17:30'), { sameDay: { cutoff: '18:00' } }))).toBe(
        '2027-03-04 17:00',
      );
    });

    it('ends at the close of a short day', () => {
      const centre = createCalendar(saturdayMornings);
      expect(fmt(centre.dueAt(vn('2027-03-06 09:00'), sameDay))).toBe('2027-03-06 11:30');
      expect(fmt(centre.dueAt(vn('2027-03-06 12:00'), sameDay))).toBe('2027-03-08 17:00');
    });

    it('starts its clock at the receipt, or at the next working day’s opening', () => {
      expect(fmt(cal.countingStart(vn('2027-03-03 12:00'), sameDay))).toBe('2027-03-03 13:00');
      expect(fmt(cal.countingStart(vn('2027-03-03 15:30'), sameDay))).toBe('2027-03-04 07:30');
      expect(fmt(cal.countingStart(vn('2027-03-03 12:00')))).toBe('2027-03-04 07:30'); // countFrom
    });

    it('moves by the working time of a pause, like any other limit', () => {
      // Paused 10:00–14:00: 1.5 + 1 = 2.5 working hours, so 17:00 becomes 10:00 the next day.
      const pauses = [{ from: vn('2027-03-03 10:00'), to: vn('2027-03-03 14:00') }];
      expect(fmt(cal.dueAt(vn('2027-03-03 08:00'), sameDay, pauses))).toBe('2027-03-04 10:00');
    });

    it('throws a RangeError for a malformed cut-off or a second kind of limit', () => {
      expect(() => cal.dueAt(vn('2027-03-03 08:00'), { sameDay: { cutoff: '3pm' } })).toThrow(RangeError);
      expect(() => cal.dueAt(vn('2027-03-03 08:00'), { sameDay: {}, workingHours: 8 })).toThrow(RangeError);
    });
  });

  describe('classify', () => {
    const due = vn('2025-03-06 17:00');
    it.each([
      ['a day before the due day', '2025-03-05 16:59', 'early'],
      ['on the due day, before the due instant', '2025-03-06 08:00', 'onTime'],
      ['exactly at the due instant', '2025-03-06 17:00', 'onTime'],
      ['after the due instant, same day', '2025-03-06 17:01', 'late'],
      ['the next day', '2025-03-07 08:00', 'late'],
    ])('returns the right class when finished %s', (_label, finished, expected) => {
      expect(cal.classify(vn(finished), due)).toBe(expected);
    });

    it('compares Vietnam dates, not UTC dates', () => {
      // 23:30 UTC on 5 Mar is 06:30 on 6 Mar in Vietnam: the due day, so on time, not early.
      expect(cal.classify(new Date('2025-03-05T23:30:00Z'), due)).toBe('onTime');
    });
  });

  describe('isOverdue', () => {
    it('is false up to and including the due instant, true after it', () => {
      const due = vn('2025-03-06 17:00');
      expect(cal.isOverdue(vn('2025-03-06 17:00'), due)).toBe(false);
      expect(cal.isOverdue(new Date(due.getTime() + 1), due)).toBe(true);
    });
  });

  describe('holidays', () => {
    it('lists holidays, compensatory days and swap days with their kinds, in date order', () => {
      const list = cal.holidays(2026);
      expect(list.slice(0, 2)).toEqual([
        { date: '2026-01-01', name: 'Tết Dương lịch (1/1)', kind: 'holiday' },
        { date: '2026-01-02', name: 'Hoán đổi dịp Tết Dương lịch 2026 (nghỉ 1/1–4/1)', kind: 'swapOff' },
      ]);
      expect(list).toContainEqual({
        date: '2026-04-27',
        name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
        kind: 'compensatory',
      });
      expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
    });

    it('compensates a holiday by the tenant’s own week', () => {
      const sat = createCalendar(saturdayMornings);
      expect(cal.isWorkingDay('2027-05-03')).toBe(false); // Mon–Fri office: 1 May 2027 (Sat) → Mon 3 May
      expect(sat.isWorkingDay('2027-05-03')).toBe(true); // Saturday office: 1 May was a working day lost, no compensation
    });
  });

  it('does not throw on a calendar with no working weekday until arithmetic needs one', () => {
    const closed = createCalendar({ ...PUBLIC_SECTOR_CONFIG, workingWeekdays: [], useNationalSwaps: false });
    expect(closed.isWorkingDay('2025-03-03')).toBe(false);
    expect(() => closed.addWorkingDays(vn('2025-03-03 07:30'), 1)).toThrow(/no working time/);
  });
});
