/**
 * The operator's purge of audit records past the retention (shared/domain/audit/retention.ts): the
 * days from `since` up to, not including, `before`, one day partition at a time. Run by the CLI
 * (tools/audit-purge.ts), never by a function.
 */
import { requirePurgeBefore } from '../domain/audit';
import { purgeAuditDay } from '../data/audit-purge-repo';
import { clock } from '../platform/clock';

const DAY_MS = 86_400_000;

export async function purgeAuditLog(
  tenant: string,
  range: { since: string; before: string },
  onDay: (day: string, removed: number) => void = () => undefined,
): Promise<number> {
  requirePurgeBefore(range.before, clock.now());
  let total = 0;
  for (
    let t = Date.parse(`${range.since}T00:00:00Z`);
    t < Date.parse(`${range.before}T00:00:00Z`);
    t += DAY_MS
  ) {
    const day = new Date(t).toISOString().slice(0, 10);
    const removed = await purgeAuditDay(tenant, day);
    total += removed;
    onDay(day, removed);
  }
  return total;
}
