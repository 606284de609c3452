/** The working-time calendar of a tenant, built from its settings (office hours, week, overrides). */
import type { TenantSettings } from '../api/schemas/catalog';
import { createCalendar, type WorkingCalendar } from '../domain/calendar';

export function calendarForTenant(settings: TenantSettings): WorkingCalendar {
  return createCalendar({
    officeHours: settings.officeHours,
    workingWeekdays: settings.workingWeekdays,
    weekdayHours: settings.saturdayHours ? { 6: settings.saturdayHours } : undefined,
    overrides: settings.calendarOverrides,
    cutoff: settings.cutoff,
    countFrom: settings.countFrom,
  });
}
