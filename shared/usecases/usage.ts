/**
 * Metering (issue 10 §4): the consumer of the `usage` queue counts each event once per tenant and
 * month (shared/domain/usage, shared/data/usage-repo.ts), and the two readers — a tenant admin for
 * the own tenant, the operator for any — get one month's figures.
 */
import type { BusMessage } from '../api/queues';
import { getDossier } from '../data/dossier-read';
import { getTenantRecord } from '../data/tenant-record-read';
import { commitEventUsage, usageMonthsUpTo } from '../data/usage-repo';
import { eventUsage, monthUsage, SUBMITTED_EVENT, usageMonth, type MonthUsage } from '../domain/usage';
import { clock } from '../platform/clock';
import { NotFoundError } from '../platform/errors';

/** `duplicate` when the event had been counted before (a redelivery). */
export async function countUsageEvent(message: BusMessage): Promise<'ignored' | 'duplicate' | 'counted'> {
  let channel;
  if (message.type === SUBMITTED_EVENT) {
    // The channel is the dossier's and never changes; the event does not carry it.
    const dossier = await getDossier(message.tenant, message.code);
    if (!dossier) throw new Error(`dossier ${message.code} not found for event ${message.id}`);
    channel = dossier.channel;
  }
  const increments = eventUsage(message.type, channel);
  if (Object.keys(increments).length === 0) return 'ignored';
  // The month of the event itself, not of its (possibly late) delivery.
  const month = usageMonth(new Date(message.occurredAt));
  const nowSeconds = Math.floor(clock.now().getTime() / 1000);
  return (await commitEventUsage(message.tenant, message.id, month, increments, nowSeconds))
    ? 'counted'
    : 'duplicate';
}

export type UsageView = MonthUsage & { tenant: string };

/** One month of a tenant; default: the current month in Vietnam's time. */
export async function tenantUsage(tenant: string, month?: string): Promise<UsageView> {
  const target = month ?? usageMonth(clock.now());
  return { tenant, ...monthUsage(target, await usageMonthsUpTo(tenant, target)) };
}

/** The operator's reading: 404 for a tenant that does not exist. */
export async function operatorTenantUsage(tenant: string, month?: string): Promise<UsageView> {
  if (!(await getTenantRecord(tenant)))
    throw new NotFoundError(`Không có đơn vị ${tenant} / no tenant ${tenant}`);
  return tenantUsage(tenant, month);
}
