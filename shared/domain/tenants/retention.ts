/**
 * Deleting a province, the pure rules. Deletion is two operator actions and a wait:
 *   1. suspend (the province's API closes, data kept);
 *   2. delete: the tenant becomes `deleting` with a `purgeAfter` instant, `graceDays` from now;
 *      until then a resume restores it as it was;
 *   3. after `purgeAfter`, the purge removes its accounts, scans and items, in resumable batches.
 *
 * The grace period is a setting of each delete (default 30 days), not the province's archival
 * retention: records of administrative procedures must be kept for the periods the archive law
 * sets (docs/deploy.md, "Retention"), which the PROVINCE answers for, by taking an export into its
 * own archive before it leaves. The platform keeps nothing after the purge; the grace period only
 * guards against a mistaken delete and gives time to take (and check) that export.
 */
import { DomainRuleError } from '../errors';
import type { TenantDeletion, TenantRecord } from './tenant';

export const DEFAULT_GRACE_DAYS = 30;
/** Less than a week leaves no time to notice a mistaken delete. */
export const MIN_GRACE_DAYS = 7;
/** Ten years: beyond that, keep the province suspended rather than scheduled for deletion. */
export const MAX_GRACE_DAYS = 3650;

const DAY_MS = 86_400_000;

/** The instant from which the purge may run: `graceDays` whole days after the request. */
export const purgeAfterOf = (requestedAt: Date, graceDays: number): Date =>
  new Date(requestedAt.getTime() + graceDays * DAY_MS);

/** Only a suspended province may be deleted: the operator has closed it first, on purpose. */
export function deletionOf(
  record: TenantRecord,
  by: string,
  now: Date,
  graceDays: number,
  toIso: (d: Date) => string,
): TenantDeletion {
  if (record.status === 'deleting' || record.status === 'purged')
    throw new DomainRuleError(
      409,
      'tenant-deleting',
      'tenant',
      `Đơn vị ${record.id} đã được yêu cầu xoá / the tenant ${record.id} is already being deleted`,
    );
  if (record.status !== 'suspended')
    throw new DomainRuleError(
      409,
      'suspend-first',
      'tenant',
      `Hãy tạm ngừng ${record.id} trước khi xoá / suspend ${record.id} before deleting it`,
    );
  if (!Number.isInteger(graceDays) || graceDays < MIN_GRACE_DAYS || graceDays > MAX_GRACE_DAYS)
    throw new DomainRuleError(
      422,
      'grace-days',
      'body.graceDays',
      `Thời gian chờ từ ${MIN_GRACE_DAYS} đến ${MAX_GRACE_DAYS} ngày / the grace period is ${MIN_GRACE_DAYS}–${MAX_GRACE_DAYS} days`,
    );
  return {
    requestedAt: toIso(now),
    requestedBy: by,
    graceDays,
    purgeAfter: toIso(purgeAfterOf(now, graceDays)),
  };
}

/** The purge runs only on a tenant being deleted whose grace period is over. */
export function requirePurgeable(record: TenantRecord, now: Date): void {
  if (record.status === 'purged') return;
  if (record.status !== 'deleting' || !record.deletion)
    throw new DomainRuleError(
      409,
      'not-deleting',
      'tenant',
      `Đơn vị ${record.id} chưa được yêu cầu xoá / the tenant ${record.id} is not being deleted`,
    );
  if (now.getTime() < new Date(record.deletion.purgeAfter).getTime())
    throw new DomainRuleError(
      409,
      'grace-period',
      'tenant',
      `Chưa hết thời gian chờ (đến ${record.deletion.purgeAfter}) / the grace period runs until ${record.deletion.purgeAfter}`,
    );
}
