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
  return {
    require: async (caller) => {
      // The operator's own tenant has no data and few users; its routes are not the tenants' share.
      if (caller.tenant === PLATFORM_TENANT) return;
      // Outside the try: a malformed configuration is a bug to see (500), not a reason to serve.
      const limits = limitsNow();
      let verdict;
      try {
        const [key, limit] =
          caller.auth === 'public'
            ? [rateBucketKey(caller.tenant, clientBucket(clientKey(caller.sourceIp))), limits.publicClient]
            : [rateBucketKey(caller.tenant, STAFF_BUCKET), planLimit(limits, await planOf(caller.tenant))];
        verdict = await options.store.take(key, limit, now);
      } catch (error) {
        options.onError?.(error, caller);
        return;
      }
      if (!verdict.allowed)
        throw new RateLimitedError(
          verdict.retryAfterSeconds,
          caller.auth === 'public' ? 'client' : 'tenant',
          caller.tenant,
        );
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
  if (tenant !== undefined && 'table' in route.access)
    await containerFairShareGate().require({ tenant, auth: route.auth, sourceIp });
}
