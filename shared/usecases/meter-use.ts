/**
 * Metering of what is not a bus event (issue 10 §4): an attachment stored, a webhook delivery's
 * outcome, a notification sent. The caller's own conditional write already made the act happen
 * once; this ADDs to the tenant's month. Metering never fails the act it meters: an ADD that fails
 * is logged and lost (the month undercounts by one), the act still succeeds.
 */
import { addStoredTotal, addUsage } from '../data/usage-repo';
import { storedUsage, usageMonth, type UsageIncrements } from '../domain/usage';
import { clock } from '../platform/clock';
import { logger } from '../platform/observability';

async function add(tenant: string, month: string, increments: UsageIncrements): Promise<void> {
  if (Object.keys(increments).length === 0) return;
  try {
    await addUsage(tenant, month, increments);
  } catch (error) {
    logger.warn('usage not counted', { tenant, month, increments, error: error as Error });
  }
}

/** Counts in the current month (Vietnam's time). */
export const meterUse = (tenant: string, increments: UsageIncrements): Promise<void> =>
  add(tenant, usageMonth(clock.now()), increments);

/** Storage is counted with its byte-seconds to the month's end (../domain/usage/count.ts). */
export async function meterStored(tenant: string, bytes: number): Promise<void> {
  const { month, increments } = storedUsage(bytes, clock.now());
  await add(tenant, month, increments);
  // The all-time total, for the operator's tenant list (one read per tenant, not every month).
  try {
    await addStoredTotal(tenant, bytes);
  } catch (error) {
    logger.warn('stored total not counted', { tenant, bytes, error: error as Error });
  }
}
