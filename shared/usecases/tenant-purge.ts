/**
 * The purge of a deleted province, after its grace period (shared/domain/tenants/retention.ts):
 * its accounts in the user pool, its scans in the bucket, then its items in the table, in that
 * order (the staff index, among the items, names the accounts to delete, so the items go last).
 *
 * Run by the operator's CLI (tools/tenant-purge.ts: it needs a Scan, which no function is granted).
 * One call does a bounded amount of work (about `budgetMs`) and saves its progress on the registry
 * item after every batch, then answers with it: the CLI calls again until the status is `purged`. A call that dies mid-batch loses nothing: the saved cursor is at
 * or before what was deleted, and deleting again what is gone is not an error.
 */
import type { PurgePhase, PurgeProgress, TenantRecord } from '../domain/tenants/tenant';
import { requirePurgeable } from '../domain/tenants/retention';
import { toVnIso } from '../domain/vn-time';
import type { BucketArea } from '../data/attachment-keys';
import { staffPage } from '../data/staff-repo';
import { putTenantRecord } from '../data/tenant-repo';
import { deleteItems, deleteObjects, tenantItemKeys, tenantObjectKeys } from '../data/tenant-purge-repo';
import { cognitoUserDirectory, type UserDirectory } from '../data/user-directory';
import { clock } from '../platform/clock';

const AREAS: readonly BucketArea[] = ['staging', 'stored'];

/** One batch of the current phase: the progress after it. */
async function step(tenant: string, p: PurgeProgress, directory: UserDirectory): Promise<PurgeProgress> {
  switch (p.phase) {
    case 'users': {
      const { items, more } = await staffPage(tenant, { after: p.cursor, limit: 25 });
      for (const s of items) await directory.remove(s.username);
      const last = items.at(-1)?.username;
      return more && last
        ? { ...p, cursor: last, users: p.users + items.length }
        : next(p, 'objects', { users: p.users + items.length });
    }
    case 'objects': {
      const at = p.cursor
        ? (JSON.parse(p.cursor) as { area: BucketArea; token?: string })
        : { area: AREAS[0]! };
      const { keys, next: token } = await tenantObjectKeys(tenant, at.area, at.token);
      await deleteObjects(keys);
      const objects = p.objects + keys.length;
      if (token) return { ...p, objects, cursor: JSON.stringify({ area: at.area, token }) };
      const following = AREAS[AREAS.indexOf(at.area) + 1];
      return following
        ? { ...p, objects, cursor: JSON.stringify({ area: following }) }
        : next(p, 'items', { objects });
    }
    case 'items': {
      const { keys, next: cursor } = await tenantItemKeys(tenant, p.cursor);
      await deleteItems(keys);
      const items = p.items + keys.length;
      return cursor ? { ...p, items, cursor } : next(p, 'done', { items, finishedAt: toVnIso(clock.now()) });
    }
    case 'done':
      return p;
  }
}

function next(p: PurgeProgress, phase: PurgePhase, counts: Partial<PurgeProgress>): PurgeProgress {
  const { cursor: _done, ...rest } = p;
  return { ...rest, ...counts, phase };
}

/**
 * Runs batches until the purge is done or `budgetMs` has passed; returns the record as saved.
 * Only a `deleting` tenant past its `purgeAfter` is purged (409 otherwise); a purged one is
 * answered as it is.
 */
export async function runPurge(
  record: TenantRecord,
  options: { budgetMs?: number; directory?: UserDirectory } = {},
): Promise<TenantRecord> {
  requirePurgeable(record, clock.now());
  if (record.status === 'purged') return record;
  const directory = options.directory ?? cognitoUserDirectory;
  const stopAt = Date.now() + (options.budgetMs ?? 6000);
  let current: TenantRecord = {
    ...record,
    purge: record.purge ?? {
      phase: 'users',
      users: 0,
      objects: 0,
      items: 0,
      startedAt: toVnIso(clock.now()),
    },
  };
  // Saved before the first delete: from now on a restore is refused (the data is going).
  await putTenantRecord(current);
  while (current.purge!.phase !== 'done' && Date.now() < stopAt) {
    current = { ...current, purge: await step(record.id, current.purge!, directory) };
    await putTenantRecord(current);
  }
  if (current.purge!.phase === 'done') {
    current = { ...current, status: 'purged', statusChangedAt: current.purge!.finishedAt };
    await putTenantRecord(current);
  }
  return current;
}
