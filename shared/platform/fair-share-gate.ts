/**
 * Fair share, checked in one place (docs/fair-share.md): both handler builders (httpHandler,
 * pageHandler) call `requireFairShare` right after the suspension check (tenant-gate.ts), on every
 * route that reads the table for a tenant, before the use case runs.
 *
 * - A signed-in caller takes a token from its tenant's bucket, sized by the tenant's plan.
 * - A public caller takes one from its own bucket at that tenant (its source address; an IPv6 /64
 *   is one client), and none from the tenant's.
 * An empty bucket answers 429 problem+json with `Retry-After` (whole seconds).
 *
 * The plan is one GetItem of the tenant's registry item, remembered per container for as long as
 * the suspension status is (TENANT_STATUS_CACHE_SECONDS). Limits come from FAIR_SHARE_LIMITS
 * (shared/domain/fair-share/limits.ts), parsed once per value.
 *
 * Fail open: if the bucket cannot be written (DynamoDB throttling the bucket's partition, an
 * outage), the request is served and a warning logged. The limiter guards shared capacity; it is
 * not an access control (tokens and handlers are). Failing closed would turn a hiccup of one item
 * into an outage of every route of every province, which is the starvation it exists to prevent;
 * and if the table is really down, the use case fails on its own.
 */
import type { ResourceAccess } from '../api/route-meta';
import { clientKey, limitsFrom, planLimit, type FairShareLimits } from '../domain/fair-share/limits';
import { PLATFORM_TENANT, type TenantPlan } from '../domain/tenants/tenant';
import { ENV, numberEnv } from './env';
import { AppError } from './errors';
import { logger } from './observability';
import {
  STAFF_BUCKET,
  clientBucket,
  dynamoBucketStore,
  rateBucketKey,
  type BucketStore,
} from './rate-bucket-store';
import { readTenantRegistryFacts } from './tenant-gate';

export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    scope: 'tenant' | 'client',
    tenant: string,
  ) {
    super(
      429,
      'rate-limited',
      'Quá nhiều yêu cầu / Too many requests',
      scope === 'tenant'
        ? `Đơn vị ${tenant} đã dùng hết hạn mức yêu cầu của gói dịch vụ; thử lại sau ${retryAfterSeconds} giây. / ` +
            `The tenant ${tenant} is at its plan's request limit; retry after ${retryAfterSeconds} s.`
        : `Quá nhiều yêu cầu từ địa chỉ của bạn; thử lại sau ${retryAfterSeconds} giây. / ` +
            `Too many requests from your address; retry after ${retryAfterSeconds} s.`,
      undefined,
      { retryAfter: retryAfterSeconds },
    );
    this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}

export type PlanLookup = (tenant: string) => Promise<TenantPlan | undefined>;

/** The registry item's plan, or undefined for a tenant without one (the default plan's limits). */
export const readTenantPlan: PlanLookup = async (tenant) => (await readTenantRegistryFacts(tenant)).plan;

export interface FairShareCaller {
  tenant: string;
  /** `public`: counted per client (`sourceIp`); `user`: against the tenant's bucket. */
  auth: 'public' | 'user';
  sourceIp?: string;
}

export interface FairShareGate {
  require(caller: FairShareCaller): Promise<void>;
  /**
   * `body` run alongside the bucket write instead of after it, for a route whose use case only
   * reads: the answer waits for both, and a refusal wins over whatever `body` answered or threw, so
   * the caller sees what `require` then `body` would have shown it. A refusal this container can
   * already tell from the TAT it last saw is thrown before `body` starts: an over-limit client's
   * requests cost no read, as they cost no write.
   */
  alongside<T>(caller: FairShareCaller, body: () => Promise<T>): Promise<T>;
}

export function fairShareGate(options: {
  store: BucketStore;
  plans: PlanLookup;
  /** The limits, or where to read them at each request (the configuration of the running function). */
  limits: FairShareLimits | (() => FairShareLimits);
  planTtlMs: number;
  now?: () => number;
  onError?: (error: unknown, caller: FairShareCaller) => void;
}): FairShareGate {
  const now = options.now ?? Date.now;
  const limitsNow =
    typeof options.limits === 'function' ? options.limits : () => options.limits as FairShareLimits;
  const plans = new Map<string, { plan: TenantPlan | undefined; until: number }>();
  const planOf = async (tenant: string) => {
    const known = plans.get(tenant);
    if (known && known.until > now()) return known.plan;
    const plan = await options.plans(tenant);
    plans.set(tenant, { plan, until: now() + options.planTtlMs });
    return plan;
  };
  const refusal = (caller: FairShareCaller, retryAfterSeconds: number) =>
    new RateLimitedError(retryAfterSeconds, caller.auth === 'public' ? 'client' : 'tenant', caller.tenant);
  /** The caller's bucket and its size; undefined while the tenant's plan is not known without a read. */
  const bucketKnown = (caller: FairShareCaller, limits: FairShareLimits) => {
    if (caller.auth === 'public')
      return {
        key: rateBucketKey(caller.tenant, clientBucket(clientKey(caller.sourceIp))),
        limit: limits.publicClient,
      };
    const known = plans.get(caller.tenant);
    if (!known || known.until <= now()) return undefined;
    return { key: rateBucketKey(caller.tenant, STAFF_BUCKET), limit: planLimit(limits, known.plan) };
  };
  const require = async (caller: FairShareCaller) => {
    // The operator's own tenant has no data and few users; its routes are not the tenants' share.
    if (caller.tenant === PLATFORM_TENANT) return;
    // Outside the try: a malformed configuration is a bug to see (500), not a reason to serve.
    const limits = limitsNow();
    let verdict;
    try {
      const { key, limit } = bucketKnown(caller, limits) ?? {
        key: rateBucketKey(caller.tenant, STAFF_BUCKET),
        limit: planLimit(limits, await planOf(caller.tenant)),
      };
      verdict = await options.store.take(key, limit, now);
    } catch (error) {
      options.onError?.(error, caller);
      return;
    }
    if (!verdict.allowed) throw refusal(caller, verdict.retryAfterSeconds);
  };
  return {
    require,
    alongside: async (caller, body) => {
      if (caller.tenant !== PLATFORM_TENANT) {
        const bucket = bucketKnown(caller, limitsNow());
        const early = bucket && options.store.refusedFromMemory?.(bucket.key, bucket.limit, now());
        if (early) throw refusal(caller, early.retryAfterSeconds);
      }
      const [admitted, answered] = await Promise.allSettled([require(caller), body()]);
      if (admitted.status === 'rejected') throw admitted.reason;
      if (answered.status === 'rejected') throw answered.reason;
      return answered.value;
    },
  };
}

const parsedLimits = new Map<string, FairShareLimits>();
function limitsOf(json: string | undefined): FairShareLimits {
  const key = json ?? '';
  let limits = parsedLimits.get(key);
  if (!limits) {
    limits = limitsFrom(json);
    parsedLimits.set(key, limits);
  }
  return limits;
}

let defaultGate: FairShareGate | undefined;
/** The container's gate, made on first use (its configuration read then). */
export function containerFairShareGate(): FairShareGate {
  defaultGate ??= fairShareGate({
    store: dynamoBucketStore(),
    plans: readTenantPlan,
    // Read at each request, parsed once per distinct value: offline, functions share this module in
    // one process and each sees its own environment only while it runs (infra/local/function-env.ts).
    limits: () => limitsOf(process.env[ENV.fairShareLimits]),
    planTtlMs: numberEnv(ENV.tenantStatusCacheSeconds, 30) * 1000,
    onError: (error, caller) =>
      logger.warn('fair-share bucket unwritable; serving the request', {
        tenant: caller.tenant,
        error: error as Error,
      }),
  });
  return defaultGate;
}

/**
 * The check both handler builders make, on the routes the suspension check covers (they read the
 * table for a known tenant); `sourceIp` is API Gateway's `requestContext.http.sourceIp`.
 */
export async function requireFairShare(
  route: { access: object; auth: 'public' | 'user' },
  tenant: string | undefined,
  sourceIp: string | undefined,
): Promise<void> {
  const caller = callerOf(route, tenant, sourceIp);
  if (caller) await containerFairShareGate().require(caller);
}

/** Whose share a request takes, on the routes the gate covers; undefined elsewhere. */
function callerOf(
  route: { access: object; auth: 'public' | 'user' },
  tenant: string | undefined,
  sourceIp: string | undefined,
): FairShareCaller | undefined {
  return tenant !== undefined && 'table' in route.access ? { tenant, auth: route.auth, sourceIp } : undefined;
}

/**
 * Routes whose use case has no effect but reads of the table (no audit record, no bucket, no key,
 * no other service): nothing is done that a refusal would have had to prevent, so their bucket
 * write may run alongside the reads (issue 14 §4: public tracking waited one round trip for it).
 */
export function onlyReadsTable(access: ResourceAccess): boolean {
  // tenantScoped says which credentials, publicBaseUrl is configuration: neither does anything.
  const { table, tenantScoped: _credentials, publicBaseUrl: _configuration, ...effects } = access;
  return table === 'read' && Object.values(effects).every((v) => v === undefined || v === false);
}

/**
 * `requireFairShare`, then `body`; for a route that only reads the table, both at once (see
 * `FairShareGate.alongside`). What the caller sees is the same either way: a refusal is a 429
 * whatever `body` did.
 */
export async function withFairShare<T>(
  route: { access: ResourceAccess; auth: 'public' | 'user' },
  tenant: string | undefined,
  sourceIp: string | undefined,
  body: () => Promise<T>,
): Promise<T> {
  const caller = callerOf(route, tenant, sourceIp);
  if (!caller) return body();
  if (onlyReadsTable(route.access)) return containerFairShareGate().alongside(caller, body);
  await containerFairShareGate().require(caller);
  return body();
}
