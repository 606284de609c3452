/** Public types of the working-time calendar (see docs/calendar.md for the rules they follow). */
import type { IsoDate } from './civil-date';

export type { IsoDate };

/** A tenant's own exception for one date; applied after the national data, later entries win. */
export interface CalendarOverride {
  date: IsoDate;
  /**
   * 'work': the office opens that day, with `hours` or else the normal `officeHours`.
   * 'off': the office is closed all day, or only during `hours` when given (a partial closure).
   */
  kind: 'off' | 'work';
  reason: string;
  hours?: Array<[string, string]>;
}

export interface CalendarConfig {
  officeHours: Array<[string, string]>; // e.g. [['07:30','11:30'],['13:00','17:00']]
  workingWeekdays: number[]; // ISO weekday numbers 1=Mon … 7=Sun, e.g. [1,2,3,4,5]
  weekdayHours?: Partial<Record<number, Array<[string, string]>>>; // e.g. {6: [['07:30','11:30']]} Saturday mornings
  overrides?: CalendarOverride[]; // tenant/local closures and extra working days; merged AFTER national swaps
  useNationalSwaps?: boolean; // default true: apply the shipped Government swap data
  cutoff?: string; // 'HH:mm', default '15:00': receipt at/after it counts from the next working day
  countFrom?: 'nextWorkingDay' | 'receipt'; // default 'nextWorkingDay'
}

/**
 * A time limit. Exactly one kind is set:
 *  - `workingDays` (may be fractional, 0.5) or `workingHours`, counted from the counting start;
 *  - `sameDay`: "ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ … thì trả kết
 *    quả trong ngày làm việc tiếp theo": the close of the day of receipt, or of the next working
 *    day when received after the cut-off (default '15:00') or on a day off.
 */
export interface Allowance {
  workingDays?: number;
  workingHours?: number;
  sameDay?: SameDayLimit;
}

export interface SameDayLimit {
  /** 'HH:mm'; a receipt after it is due at the close of the next working day. Default '15:00'. */
  cutoff?: string;
}

export interface Pause {
  from: Date;
  to?: Date;
} // `to` undefined = still paused

export type Timeliness = 'early' | 'onTime' | 'late';

export type DayOffKind = 'holiday' | 'compensatory' | 'swapOff' | 'local';

export interface DayOff {
  date: IsoDate;
  name: string;
  kind: DayOffKind;
}

/** A day that is worked although it is normally a rest day (a swap Saturday, a tenant's extra day). */
export interface SpecialWorkingDay {
  date: IsoDate;
  reason: string;
  kind: 'swapWork' | 'local';
}

export interface WorkingCalendar {
  readonly config: CalendarConfig;
  isWorkingDay(date: IsoDate): boolean;
  isWorkingInstant(at: Date): boolean;
  holidays(year: number): DayOff[];
  /** Applies the counting-start rule (countFrom + cutoff), then adds the allowance. The main entry for due times. */
  dueAt(receivedAt: Date, allowance: Allowance, pauses?: Pause[]): Date;
  addWorkingDays(start: Date, days: number): Date;
  addWorkingHours(start: Date, hours: number): Date;
  /** Working milliseconds between two instants (0 if to <= from), excluding paused spans if given. */
  elapsedWorkingTime(from: Date, to: Date, pauses?: Pause[]): number;
  classify(finishedAt: Date, dueAt: Date): Timeliness;
  isOverdue(now: Date, dueAt: Date): boolean;

  // Additions beyond the contract, used by the docs, the tests and the UI.
  /**
   * The instant the clock starts for a receipt, without adding anything: by countFrom + cutoff,
   * or, for a `sameDay` allowance, by that allowance's own cut-off.
   */
  countingStart(receivedAt: Date, allowance?: Allowance): Date;
  /** Working days (fractional) between two instants; the inverse of addWorkingDays. */
  elapsedWorkingDays(from: Date, to: Date): number;
  /** The first working instant at or after `at`. */
  nextWorkingInstant(at: Date): Date;
  /** Office hours of a date as 'HH:mm' pairs, after holidays, swaps and overrides ([] when closed). */
  workingHoursOn(date: IsoDate): Array<[string, string]>;
  /** Rest days that are worked in the year: national swap Saturdays and tenant extra days. */
  specialWorkingDays(year: number): SpecialWorkingDay[];
}
