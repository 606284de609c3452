/**
 * A province's health as the operator's list shows it, from counters the system keeps anyway, so
 * a list of every province costs a few reads per province and never a scan of its dossiers:
 *  - pending and overdue now: the report counters' stocks (docs/reports.md). The year-level
 *    counters of every year hold each cell's flows; summing them all gives the balance today,
 *    pending = Σ received − Σ closed and overdue = Σ becameOverdue − Σ overdueClosed.
 *  - failed deliveries: a counter of webhook deliveries given up (dead), added to in the write
 *    that gives one up (shared/data/delivery-repo.ts), never decreased.
 * Pure: the data layer reads the counters, this adds them up.
 */
import type { Flows } from '../reports';

export interface TenantHealth {
  /** Dossiers received and not yet closed (returned, refused, withdrawn). */
  pending: number;
  /** Of those, the ones past their appointment now (as of the last overdue alarm counted). */
  overdue: number;
  /** Webhook deliveries given up after every retry, since the province began. */
  failedDeliveries: number;
}

const closed = (f: Flows) =>
  (f.resolvedEarly ?? 0) +
  (f.resolvedOnTime ?? 0) +
  (f.resolvedLate ?? 0) +
  (f.refused ?? 0) +
  (f.withdrawn ?? 0);

/** The balance of all the year-level counters of a tenant (every year, every cell). */
export function stocksOf(yearFlows: Iterable<Flows>): Pick<TenantHealth, 'pending' | 'overdue'> {
  let pending = 0;
  let overdue = 0;
  for (const f of yearFlows) {
    pending += (f.received ?? 0) - closed(f);
    overdue += (f.becameOverdue ?? 0) - (f.overdueClosed ?? 0);
  }
  return { pending, overdue };
}
