/**
 * A tenant's working calendar: office hours + statutory holidays + the Government's swaps +
 * the tenant's own overrides, and the deadline rules on top (see docs/calendar.md).
 */
import {
  formatIsoDate,
  fromLocalMs,
  isoWeekday,
  localDayOf,
  MS_PER_DAY,
  MS_PER_HOUR,
  parseClock,
  parseIsoDate,
  toLocalMs,
  civilFromDays,
  type IsoDate,
} from './civil-date';
import { NATIONAL_DECISIONS } from './data/national-swaps';
import { buildYearTable, type YearTable } from './day-table';
import { compensatoryDays, statutoryHolidays, type CompensatoryDay, type StatutoryHoliday } from './holidays';
import { MAX_LUNAR_YEAR, MIN_LUNAR_YEAR } from './lunar';
import { CLOSED, formatHours, parseHours, subtractHours, type DayHours } from './office-hours';
import type {
  Allowance,
  CalendarConfig,
  DayOff,
  Pause,
  SpecialWorkingDay,
  Timeliness,
  WorkingCalendar,
} from './types';
import { WorkingClock } from './working-clock';

export const DEFAULT_CUTOFF = '15:00';

/**
 * The due instant while a pause (supplement request) is still open: the clock is stopped, so
 * there is no due time yet. It is the largest valid Date, so `isOverdue` is false and sorting by
 * due time puts paused files last. Test with `isOpenEnded`.
 */
export const OPEN_ENDED_DUE: Date = new Date(8.64e15);

export function isOpenEnded(due: Date): boolean {
  return due.getTime() >= OPEN_ENDED_DUE.getTime();
}

interface ParsedOverride {
  kind: 'off' | 'work';
  reason: string;
  hours?: DayHours;
}

interface SwapEntry {
  kind: 'off' | 'work';
  reason: string;
}

interface YearHolidays {
  statutory: StatutoryHoliday[];
  /** Compensatory days that land in this year. */
  compensatory: CompensatoryDay[];
  closedDays: Set<number>;
}

function validateConfig(config: CalendarConfig): void {
  if (!Array.isArray(config.workingWeekdays)) throw new TypeError('workingWeekdays must be an array');
  for (const wd of config.workingWeekdays) {
    if (!Number.isInteger(wd) || wd < 1 || wd > 7)
      throw new RangeError(`workingWeekdays: ${wd} is not an ISO weekday 1–7`);
  }
  for (const key of Object.keys(config.weekdayHours ?? {})) {
    const wd = Number(key);
    if (!config.workingWeekdays.includes(wd)) {
      throw new RangeError(`weekdayHours has hours for weekday ${key}, which is not in workingWeekdays`);
    }
  }
  if (
    config.countFrom !== undefined &&
    config.countFrom !== 'nextWorkingDay' &&
    config.countFrom !== 'receipt'
  ) {
    throw new RangeError(`countFrom must be 'nextWorkingDay' or 'receipt'`);
  }
}

function checkNonNegative(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} must be a finite number >= 0, got ${value}`);
  }
}

export function createCalendar(config: CalendarConfig): WorkingCalendar {
  validateConfig(config);
  const baseHours = parseHours(config.officeHours, 'officeHours');
  if (baseHours.length === 0) throw new RangeError('officeHours must have at least one interval');
  const workingWeekdays = new Set(config.workingWeekdays);
  const weekdayHours = new Map<number, DayHours>();
  for (const [key, pairs] of Object.entries(config.weekdayHours ?? {})) {
    if (pairs) weekdayHours.set(Number(key), parseHours(pairs, `weekdayHours[${key}]`));
  }
  const cutoffMs = parseClock(config.cutoff ?? DEFAULT_CUTOFF);
  const countFrom = config.countFrom ?? 'nextWorkingDay';
  const useNationalSwaps = config.useNationalSwaps ?? true;

  const overrides = new Map<number, ParsedOverride[]>();
  for (const o of config.overrides ?? []) {
    if (o.kind !== 'off' && o.kind !== 'work')
      throw new RangeError(`override ${o.date}: kind must be 'off' or 'work'`);
    const day = parseIsoDate(o.date);
    const parsed: ParsedOverride = { kind: o.kind, reason: o.reason };
    if (o.hours) parsed.hours = parseHours(o.hours, `override ${o.date}`);
    const list = overrides.get(day);
    if (list) list.push(parsed);
    else overrides.set(day, [parsed]);
  }

  const swaps = new Map<number, SwapEntry>();
  if (useNationalSwaps) {
    for (const decision of NATIONAL_DECISIONS) {
      for (const s of decision.swaps) {
        swaps.set(parseIsoDate(s.off), { kind: 'off', reason: s.reason });
        swaps.set(parseIsoDate(s.work), { kind: 'work', reason: s.reason });
      }
    }
  }

  const isRestDay = (day: number): boolean => !workingWeekdays.has(isoWeekday(day));

  const holidayCache = new Map<number, YearHolidays>();
  function holidaysOf(year: number): YearHolidays {
    let cached = holidayCache.get(year);
    if (cached) return cached;
    const statutory = statutoryHolidays(year);
    // A compensatory day may in principle spill into January, so look at last year's too.
    const candidates = [
      ...compensatoryDays(statutoryHolidays(year - 1), isRestDay),
      ...compensatoryDays(statutory, isRestDay),
    ];
    const compensatory = candidates.filter((c) => civilFromDays(c.day).year === year);
    const closedDays = new Set<number>([...statutory.map((h) => h.day), ...compensatory.map((c) => c.day)]);
    cached = { statutory, compensatory, closedDays };
    holidayCache.set(year, cached);
    return cached;
  }

  function hoursOf(day: number): DayHours {
    const weekday = isoWeekday(day);
    let hours: DayHours = workingWeekdays.has(weekday) ? (weekdayHours.get(weekday) ?? baseHours) : CLOSED;
    if (holidaysOf(civilFromDays(day).year).closedDays.has(day)) hours = CLOSED;
    const swap = swaps.get(day);
    if (swap) hours = swap.kind === 'off' ? CLOSED : baseHours;
    for (const o of overrides.get(day) ?? []) {
      if (o.kind === 'work') hours = o.hours ?? baseHours;
      else hours = o.hours ? subtractHours(hours, o.hours) : CLOSED;
    }
    return hours;
  }

  const tables = new Map<number, YearTable>();
  function tableFor(year: number): YearTable {
    let t = tables.get(year);
    if (t) return t;
    if (year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR) {
      throw new RangeError(`Year ${year} is outside the supported range ${MIN_LUNAR_YEAR}–${MAX_LUNAR_YEAR}`);
    }
    t = buildYearTable(year, hoursOf);
    tables.set(year, t);
    return t;
  }

  const clock = new WorkingClock(tableFor);

  function lastOverrideKind(day: number): 'off' | 'work' | undefined {
    const list = overrides.get(day);
    return list?.[list.length - 1]?.kind;
  }

  function countingStartLocal(receivedLocal: number): number {
    const day = Math.floor(receivedLocal / MS_PER_DAY);
    if (countFrom === 'receipt') {
      const msOfDay = receivedLocal - day * MS_PER_DAY;
      const hours = clock.hoursAt(day);
      const lastClose = hours[hours.length - 1]?.[1];
      // Received on a working day before the cut-off and before closing: the clock starts now
      // (or at the next opening, e.g. after the lunch break).
      if (lastClose !== undefined && msOfDay < cutoffMs && msOfDay < lastClose) {
        return clock.nextWorkingInstant(receivedLocal);
      }
    }
    // Otherwise the day of receipt does not count: start at the opening of the next working day.
    return clock.nextWorkingInstant((day + 1) * MS_PER_DAY);
  }

  /**
   * The clock of a same-day time limit starts at the receipt itself (or the next opening that
   * day) when it is on a working day, before closing and not after the cut-off ("sau 15 giờ" is
   * after 15:00, so 15:00 sharp is still the same day); otherwise at the opening of the next
   * working day. The tenant's countFrom does not apply: the procedure states its own rule.
   */
  function sameDayStartLocal(receivedLocal: number, cutoff: number): number {
    const day = Math.floor(receivedLocal / MS_PER_DAY);
    const msOfDay = receivedLocal - day * MS_PER_DAY;
    const hours = clock.hoursAt(day);
    const lastClose = hours[hours.length - 1]?.[1];
    if (lastClose !== undefined && msOfDay <= cutoff && msOfDay < lastClose) {
      return clock.nextWorkingInstant(receivedLocal);
    }
    return clock.nextWorkingInstant((day + 1) * MS_PER_DAY);
  }

  /** The close of office hours of the (working) day an instant lies in. */
  function closeOfDayLocal(workingLocal: number): number {
    const day = Math.floor(workingLocal / MS_PER_DAY);
    const hours = clock.hoursAt(day);
    return day * MS_PER_DAY + hours[hours.length - 1]![1];
  }

  function addDaysLocal(startLocal: number, days: number): number {
    return days === 0 ? clock.nextWorkingInstant(startLocal) : clock.advanceDays(startLocal, days);
  }

  function addMsLocal(startLocal: number, ms: number): number {
    return ms === 0 ? clock.nextWorkingInstant(startLocal) : clock.advanceMs(startLocal, ms);
  }

  /** Pauses as sorted, merged local-ms spans; an open pause ends at +Infinity. */
  function normalisePauses(pauses: Pause[] | undefined): Array<[number, number]> {
    if (!pauses || pauses.length === 0) return [];
    const spans = pauses
      .map((p): [number, number] => [toLocalMs(p.from), p.to === undefined ? Infinity : toLocalMs(p.to)])
      .filter(([a, b]) => b > a)
      .sort((x, y) => x[0] - y[0]);
    const merged: Array<[number, number]> = [];
    for (const span of spans) {
      const last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push([span[0], span[1]]);
    }
    return merged;
  }

  type ParsedAllowance = { days: number } | { hours: number } | { sameDayCutoff: number };

  function allowanceOf(allowance: Allowance): ParsedAllowance {
    const kinds = [allowance.workingDays, allowance.workingHours, allowance.sameDay].filter(
      (k) => k !== undefined,
    ).length;
    if (kinds !== 1)
      throw new RangeError('Allowance must set exactly one of workingDays, workingHours or sameDay');
    if (allowance.workingDays !== undefined) {
      checkNonNegative(allowance.workingDays, 'workingDays');
      return { days: allowance.workingDays };
    }
    if (allowance.workingHours !== undefined) {
      checkNonNegative(allowance.workingHours, 'workingHours');
      return { hours: allowance.workingHours };
    }
    return { sameDayCutoff: parseClock(allowance.sameDay!.cutoff ?? DEFAULT_CUTOFF) };
  }

  /** The counting start and the due time before any pause, both in local ms. */
  function unpausedLocal(receivedLocal: number, a: ParsedAllowance): { start: number; due: number } {
    if ('sameDayCutoff' in a) {
      const start = sameDayStartLocal(receivedLocal, a.sameDayCutoff);
      return { start, due: closeOfDayLocal(start) };
    }
    const start = countingStartLocal(receivedLocal);
    const due =
      'days' in a ? addDaysLocal(start, a.days) : addMsLocal(start, Math.round(a.hours * MS_PER_HOUR));
    return { start, due };
  }

  const calendar: WorkingCalendar = {
    config,

    isWorkingDay(date: IsoDate): boolean {
      return clock.hoursAt(parseIsoDate(date)).length > 0;
    },

    isWorkingInstant(at: Date): boolean {
      return clock.isWorking(toLocalMs(at));
    },

    workingHoursOn(date: IsoDate): Array<[string, string]> {
      return formatHours(clock.hoursAt(parseIsoDate(date)));
    },

    holidays(year: number): DayOff[] {
      tableFor(year); // validates the range
      const { statutory, compensatory } = holidaysOf(year);
      const result: Array<DayOff & { day: number; order: number }> = [];
      const push = (day: number, name: string, kind: DayOff['kind'], order: number): void => {
        result.push({ day, date: formatIsoDate(day), name, kind, order });
      };
      for (const h of statutory) push(h.day, h.name, 'holiday', 0);
      // A day the tenant decided to open is not a day off, whatever the national data says.
      for (const c of compensatory)
        if (lastOverrideKind(c.day) !== 'work') push(c.day, c.name, 'compensatory', 1);
      for (const [day, s] of swaps) {
        if (s.kind === 'off' && civilFromDays(day).year === year && lastOverrideKind(day) !== 'work') {
          push(day, s.reason, 'swapOff', 2);
        }
      }
      for (const [day, list] of overrides) {
        if (civilFromDays(day).year !== year) continue;
        for (const o of list) {
          if (o.kind !== 'off') continue;
          push(
            day,
            o.hours
              ? `${o.reason} (${formatHours(o.hours)
                  .map((h) => h.join('–'))
                  .join(', ')})`
              : o.reason,
            'local',
            3,
          );
        }
      }
      result.sort((a, b) => a.day - b.day || a.order - b.order);
      return result.map(({ date, name, kind }) => ({ date, name, kind }));
    },

    specialWorkingDays(year: number): SpecialWorkingDay[] {
      tableFor(year);
      const result: Array<SpecialWorkingDay & { day: number }> = [];
      for (const [day, s] of swaps) {
        if (s.kind === 'work' && civilFromDays(day).year === year && lastOverrideKind(day) !== 'off') {
          result.push({ day, date: formatIsoDate(day), reason: s.reason, kind: 'swapWork' });
        }
      }
      for (const [day, list] of overrides) {
        if (civilFromDays(day).year !== year) continue;
        for (const o of list)
          if (o.kind === 'work')
            result.push({ day, date: formatIsoDate(day), reason: o.reason, kind: 'local' });
      }
      result.sort((a, b) => a.day - b.day);
      return result.map(({ date, reason, kind }) => ({ date, reason, kind }));
    },

    countingStart(receivedAt: Date, allowance?: Allowance): Date {
      const local = toLocalMs(receivedAt);
      if (allowance === undefined) return fromLocalMs(countingStartLocal(local));
      return fromLocalMs(unpausedLocal(local, allowanceOf(allowance)).start);
    },

    dueAt(receivedAt: Date, allowance: Allowance, pauses?: Pause[]): Date {
      const { start, due: unpaused } = unpausedLocal(toLocalMs(receivedAt), allowanceOf(allowance));
      const spans = normalisePauses(pauses);
      if (spans.length === 0) return fromLocalMs(unpaused);
      // The clock needs `need` working ms after `start`; each pause that begins before the clock
      // runs out adds the working time it covers (pauses after the due time change nothing).
      let need = clock.elapsedMs(start, unpaused);
      for (const [from, to] of spans) {
        if (to <= start) continue;
        const pauseStart = Math.max(from, start);
        if (clock.elapsedMs(start, pauseStart) >= need) break;
        if (to === Infinity) return OPEN_ENDED_DUE;
        need += clock.elapsedMs(pauseStart, to);
      }
      return fromLocalMs(addMsLocal(start, need));
    },

    addWorkingDays(start: Date, days: number): Date {
      checkNonNegative(days, 'days');
      return fromLocalMs(addDaysLocal(toLocalMs(start), days));
    },

    addWorkingHours(start: Date, hours: number): Date {
      checkNonNegative(hours, 'hours');
      return fromLocalMs(addMsLocal(toLocalMs(start), Math.round(hours * MS_PER_HOUR)));
    },

    elapsedWorkingTime(from: Date, to: Date, pauses?: Pause[]): number {
      const a = toLocalMs(from);
      const b = toLocalMs(to);
      if (b <= a) return 0;
      let total = clock.elapsedMs(a, b);
      for (const [pFrom, pTo] of normalisePauses(pauses)) {
        const s = Math.max(pFrom, a);
        const e = Math.min(pTo, b);
        if (e > s) total -= clock.elapsedMs(s, e);
      }
      return total;
    },

    elapsedWorkingDays(from: Date, to: Date): number {
      return clock.elapsedDays(toLocalMs(from), toLocalMs(to));
    },

    nextWorkingInstant(at: Date): Date {
      return fromLocalMs(clock.nextWorkingInstant(toLocalMs(at)));
    },

    classify(finishedAt: Date, dueAt: Date): Timeliness {
      if (finishedAt.getTime() > dueAt.getTime()) return 'late';
      return localDayOf(finishedAt) < localDayOf(dueAt) ? 'early' : 'onTime';
    },

    isOverdue(now: Date, dueAt: Date): boolean {
      return now.getTime() > dueAt.getTime();
    },
  };
  return calendar;
}
