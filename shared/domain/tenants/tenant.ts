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

export const TENANT_STATUSES = ['active', 'suspended'] as const;
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
  status: TenantStatus,
  by: string,
  at: string,
): { record: TenantRecord; changed: boolean } {
  if (record.status === status) return { record, changed: false };
  return { record: { ...record, status, statusChangedAt: at, statusChangedBy: by }, changed: true };
}

/** A tenant without a registry record (created before the registry existed) is served as active. */
export const isServed = (status: TenantStatus | undefined): boolean => status !== 'suspended';
