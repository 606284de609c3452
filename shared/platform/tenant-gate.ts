/**
 * Suspension, checked in one place: both handler builders (httpHandler for JSON, pageHandler for
 * the public pages) call `requireServedTenant` on every request of a route that reads the table for
 * a tenant (the caller's token, or `{tenant}` in a public path) before the use case runs.
 * A suspended tenant's routes answer 403 problem+json; its data stays untouched, and resuming
 * serves it again.
 *
 * The status is one GetItem of the tenant's registry item, remembered per container for
 * TENANT_STATUS_CACHE_SECONDS (30 s by default): a busy function reads it about twice a minute, not
 * on every request. The price is staleness: after a suspend or resume, a warm container may keep
 * its old answer for up to that long (the operator's CLI says so). The offline cloud sets 1 s, so
 * the tour and tests see the change at once.
 *
 * The registry's key is written here, not in the data layer (the platform does not import it);
 * shared/data/table.ts builds its registry entity's key with this same function.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isServed, PLATFORM_TENANT, type TenantPlan, type TenantStatus } from '../domain/tenants/tenant';
import { getDocumentClient } from './aws-clients';
import { ENV, numberEnv, requireEnv } from './env';
import { AppError } from './errors';
import { logger } from './observability';

export const TENANT_REGISTRY_PARTITION = 'PLATFORM#TENANTS';
export const tenantRegistryKey = (id: string) => ({ PK: TENANT_REGISTRY_PARTITION, SK: `TENANT#${id}` });

export class TenantSuspendedError extends AppError {
  constructor(tenant: string) {
    super(
      403,
      'tenant-suspended',
      'Đơn vị đang bị tạm ngừng / Tenant suspended',
      `Dịch vụ của ${tenant} đang tạm ngừng; dữ liệu vẫn được giữ nguyên. Liên hệ đơn vị vận hành. / ` +
        `The service of ${tenant} is suspended; its data is kept. Contact the platform operator.`,
    );
  }
}

export type StatusLookup = (tenant: string) => Promise<TenantStatus | undefined>;

/** What the gates read from a tenant's registry item: undefined fields for a tenant without one. */
export interface TenantRegistryFacts {
  status?: TenantStatus;
  plan?: TenantPlan;
}

/**
 * One GetItem of the registry item serves both gates (suspension here, the plan's request limit in
 * fair-share-gate.ts): the answer is shared for a moment, so a cold container's first request of a
 * tenant reads the item once, not once per gate. Each gate keeps its own TTL cache of what it uses.
 */
const REGISTRY_READ_SHARED_MS = 1000;
const registryReads = new Map<string, { facts: Promise<TenantRegistryFacts>; until: number }>();

export function readTenantRegistryFacts(tenant: string): Promise<TenantRegistryFacts> {
  const known = registryReads.get(tenant);
  if (known && known.until > Date.now()) return known.facts;
  const facts = getDocumentClient()
    .send(
      new GetCommand({
        TableName: requireEnv(ENV.tableName),
        Key: tenantRegistryKey(tenant),
        ProjectionExpression: '#s, #p',
        ExpressionAttributeNames: { '#s': 'status', '#p': 'plan' },
      }),
    )
    .then(({ Item }) => ({
      status: Item?.status as TenantStatus | undefined,
      plan: Item?.plan as TenantPlan | undefined,
    }));
  registryReads.set(tenant, { facts, until: Date.now() + REGISTRY_READ_SHARED_MS });
  // A failed read is not shared: the next request tries again.
  facts.catch(() => registryReads.delete(tenant));
  return facts;
}

/** Drop a shared read, after the registry item changed (the gates' `forget`). */
function forgetRegistryRead(tenant?: string): void {
  if (tenant === undefined) registryReads.clear();
  else registryReads.delete(tenant);
}

/** The registry item's status, or undefined for a tenant that has none (served, see isServed). */
export const readTenantStatus: StatusLookup = async (tenant) =>
  (await readTenantRegistryFacts(tenant)).status;

export interface TenantGate {
  requireServed(tenant: string): Promise<void>;
  /** Forget what is remembered (tests; the operator's own function after a change). */
  forget(tenant?: string): void;
}

export function tenantGate(options: {
  lookup: StatusLookup;
  ttlMs: number;
  now?: () => number;
  onLookupError?: (error: unknown, tenant: string) => void;
}): TenantGate {
  const now = options.now ?? Date.now;
  const remembered = new Map<string, { served: boolean; until: number }>();
  return {
    requireServed: async (tenant) => {
      if (tenant === PLATFORM_TENANT) return;
      let entry = remembered.get(tenant);
      if (!entry || entry.until <= now()) {
        let status: TenantStatus | undefined;
        try {
          status = await options.lookup(tenant);
        } catch (error) {
          // Fail open, and remember nothing: suspension is a commercial switch, not an access
          // control (the data is the tenant's own, and tokens still decide who sees what), so a
          // failed status read must not turn every request of every province into a 500. The use
          // case meets the same error if the table is really unreachable.
          options.onLookupError?.(error, tenant);
          return;
        }
        entry = { served: isServed(status), until: now() + options.ttlMs };
        remembered.set(tenant, entry);
      }
      if (!entry.served) throw new TenantSuspendedError(tenant);
    },
    forget: (tenant) => {
      forgetRegistryRead(tenant);
      if (tenant === undefined) remembered.clear();
      else remembered.delete(tenant);
    },
  };
}

let defaultGate: TenantGate | undefined;
/** The container's gate, made on first use (its TTL read then, as configuration is). */
export function containerTenantGate(): TenantGate {
  defaultGate ??= tenantGate({
    lookup: readTenantStatus,
    ttlMs: numberEnv(ENV.tenantStatusCacheSeconds, 30) * 1000,
    onLookupError: (error, tenant) =>
      logger.warn('tenant status unreadable; serving the request', { tenant, error: error as Error }),
  });
  return defaultGate;
}

/**
 * The check both handler builders make: a route that reads the table, for a known tenant, is
 * refused while that tenant is suspended (TenantSuspendedError, 403).
 */
export async function requireServedTenant(access: object, tenant: string | undefined): Promise<void> {
  if (tenant !== undefined && 'table' in access) await containerTenantGate().requireServed(tenant);
}
