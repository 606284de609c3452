/** A tenant's settings and working-time calendar, or 404 when the tenant does not exist. */
import type { TenantSettings } from '../api/schemas/catalog';
import type { WorkingCalendar } from '../domain/calendar';
import { getTenant } from '../data/catalog-reads';
import { NotFoundError } from '../platform/errors';
import { calendarForTenant } from './tenant-calendar';

export async function requireTenantSettings(tenant: string): Promise<TenantSettings> {
  const settings = await getTenant(tenant);
  if (!settings) throw new NotFoundError(`Không có đơn vị thuê ${tenant} / unknown tenant ${tenant}`);
  return settings;
}

export async function tenantCalendar(tenant: string): Promise<WorkingCalendar> {
  return calendarForTenant(await requireTenantSettings(tenant));
}
