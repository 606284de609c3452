/**
 * A tenant (a province) as the platform operator sees it: who it is, whether it is served, on which
 * plan, whom to call. Its working calendar lives in its settings (catalog schemas); this is the
 * registry. Pure rules only.
 */
import { DomainRuleError } from '../errors';

/**
 * The tenant the platform operator's users belong to. It has no data and no catalog; no province
 * may take this id, so an operator's token can never reach a province's items.
 */
export const PLATFORM_TENANT = 'platform';

/** Ids no province may take: the platform's own and words that read like routes. */
const RESERVED_IDS: readonly string[] = [PLATFORM_TENANT, 'admin', 'operator', 'public', 'local'];

/**
 * `deleting`: closed like `suspended`, and purged once its `purgeAfter` has passed (retention.ts);
 * `purged`: its data is gone, the registry item stays as the record of what happened.
 */
export const TENANT_STATUSES = ['active', 'suspended', 'deleting', 'purged'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const TENANT_PLANS = ['trial', 'standard', 'enterprise'] as const;
export type TenantPlan = (typeof TENANT_PLANS)[number];

/** Every province works in Vietnam's one time zone; the field exists so no one has to assume it. */
export const TENANT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface TenantRecord {
  id: string;
  provinceCode: string;
  name: string;
  status: TenantStatus;
  plan: TenantPlan;
  contact: { name: string; email: string; phone?: string };
  createdAt: string;
  createdBy: string;
  /** When and by whom it was last suspended or resumed. */
  statusChangedAt?: string;
  statusChangedBy?: string;
  /** Set by the operator's delete, removed by a restore (retention.ts). */
  deletion?: TenantDeletion;
  /** The purge's progress, saved after every batch so that a purge resumes where it stopped. */
  purge?: PurgeProgress;
  /**
   * The exports made of this tenant, newest last (who and when). Issue 11's audit log will record
   * them as well; this stays the tenant's own short list.
   */
  exports?: TenantExportRecord[];
}

export interface TenantDeletion {
  requestedAt: string;
  requestedBy: string;
  /** The grace period asked for, in days (retention.ts). */
  graceDays: number;
  /** From this instant the purge may run; until then a restore brings everything back. */
  purgeAfter: string;
}

export const PURGE_PHASES = ['users', 'objects', 'items', 'done'] as const;
export type PurgePhase = (typeof PURGE_PHASES)[number];

export interface PurgeProgress {
  phase: PurgePhase;
  /** Where the current phase stopped (a scan key or a listing token), absent at its start. */
  cursor?: string;
  users: number;
  objects: number;
  items: number;
  startedAt: string;
  finishedAt?: string;
}

export interface TenantExportRecord {
  id: string;
  at: string;
  by: string;
}

/**
 * The tenant id a province gets unless told otherwise: its code in lower case (`H98` → `h98`), the
 * shape of every tenant id (lower-case, as it appears in public URLs and the `custom:tenant` claim).
 * The demo tenant keeps its historical id `demo` (code H99): ids are chosen at creation, not derived
 * on every read.
 */
export const tenantIdFor = (provinceCode: string): string => provinceCode.toLowerCase();

/** A new tenant's id must not be reserved. */
export function checkNewTenantId(id: string): void {
  if (RESERVED_IDS.includes(id))
    throw new DomainRuleError(
      422,
      'reserved-tenant-id',
      'body.id',
      `Mã ${id} được dành riêng / the id ${id} is reserved`,
    );
}

/**
 * Suspending a suspended tenant, or resuming an active one, changes nothing and is not an error:
 * an operator's retry (or two operators at once) ends in the state asked for.
 */
export function withStatus(
  record: TenantRecord,
  status: 'active' | 'suspended',
  by: string,
  at: string,
): { record: TenantRecord; changed: boolean } {
  if (record.status === 'purged')
    throw new DomainRuleError(
      409,
      'tenant-purged',
      'tenant',
      `Đơn vị ${record.id} đã bị xoá hẳn / the tenant ${record.id} is purged`,
    );
  if (record.status === 'deleting') {
    // Suspending a tenant being deleted changes nothing: it is closed already.
    if (status === 'suspended') return { record, changed: false };
    // Resuming it is the undo of the delete, possible until the purge has begun.
    if (record.purge)
      throw new DomainRuleError(
        409,
        'purge-started',
        'tenant',
        `Đã bắt đầu xoá hẳn dữ liệu của ${record.id}, không thể khôi phục / the purge of ${record.id} has begun: it cannot be restored`,
      );
    const { deletion: _undone, ...rest } = record;
    return { record: { ...rest, status, statusChangedAt: at, statusChangedBy: by }, changed: true };
  }
  if (record.status === status) return { record, changed: false };
  return { record: { ...record, status, statusChangedAt: at, statusChangedBy: by }, changed: true };
}

/**
 * A tenant without a registry record (created before the registry existed) is served as active;
 * suspended, deleting and purged tenants are not.
 */
export const isServed = (status: TenantStatus | undefined): boolean =>
  status === undefined || status === 'active';
