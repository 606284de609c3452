/** The working-time calendar of a tenant: the domain builds it from the tenant's settings. */
export { calendarForTenant } from '../domain/calendar/tenant';
