/** The working-time calendar of a tenant, built from its settings (office hours, week, overrides). */
import { createCalendar, type WorkingCalendar } from './index';

/** What of a tenant's settings the calendar reads. */
export interface TenantCalendarSettings {
  officeHours: Array<[string, string]>;
  workingWeekdays: number[];
  /** Hours on Saturday where a centre opens Saturday mornings. */
  saturdayHours?: Array<[string, string]>;
  calendarOverrides: Array<{
    date: string;
    kind: 'off' | 'work';
    reason: string;
    hours?: Array<[string, string]>;
  }>;
  cutoff: string;
  countFrom: 'nextWorkingDay' | 'receipt';
}

export function calendarForTenant(settings: TenantCalendarSettings): WorkingCalendar {
  return createCalendar({
    officeHours: settings.officeHours,
    workingWeekdays: settings.workingWeekdays,
    weekdayHours: settings.saturdayHours ? { 6: settings.saturdayHours } : undefined,
    overrides: settings.calendarOverrides,
    cutoff: settings.cutoff,
    countFrom: settings.countFrom,
  });
}
