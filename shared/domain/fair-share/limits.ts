/**
 * Who shares which bucket, and how big each is (docs/fair-share.md). Pure: the platform's gate
 * reads the configuration and the caller, this module says which bucket and which limit.
 *
 * - A tenant's signed-in callers (staff, citizens, agency systems) share one bucket per tenant,
 *   sized by the tenant's plan: one province's burst empties its own bucket, nobody else's.
 * - The public (no token) has a bucket per client per tenant, the client being its source address,
 *   an IPv6 /64 counting as one (a home or phone gets a whole /64 and can pick any address in it).
 *   Public requests do not touch the tenant's bucket, so a public flood cannot lock out the
 *   province's staff; the public routes' total is capped by their route throttles at the stage.
 */
import { TENANT_PLANS, type TenantPlan } from '../tenants/tenant';
import type { BucketLimit } from './token-bucket';

export interface FairShareLimits {
  plans: Record<TenantPlan, BucketLimit>;
  publicClient: BucketLimit;
}

/**
 * The defaults, for a stage whose routes are throttled at 200 req/s (infra/stacks/api-stack.ts):
 * even the largest plan's steady rate is a quarter of it, so one province at its limit leaves the
 * rest of the stage to the others. A public client may load a burst of pages, then one every
 * half second: far more than a citizen reading, far less than an enumeration of tracking codes.
 */
export const DEFAULT_LIMITS: FairShareLimits = {
  plans: {
    trial: { ratePerSecond: 5, burst: 20 },
    standard: { ratePerSecond: 20, burst: 60 },
    enterprise: { ratePerSecond: 50, burst: 150 },
  },
  publicClient: { ratePerSecond: 2, burst: 40 },
};

/** A tenant without a registry record (created before the registry) is on the standard plan. */
export const DEFAULT_PLAN: TenantPlan = 'standard';

const isLimit = (value: unknown): value is BucketLimit => {
  const v = value as BucketLimit | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isFinite(v.ratePerSecond) &&
    v.ratePerSecond > 0 &&
    Number.isFinite(v.burst) &&
    v.burst >= 1
  );
};

/**
 * Limits from configuration (FAIR_SHARE_LIMITS): JSON naming any of the plans and `publicClient`,
 * each `{ "ratePerSecond": n, "burst": n }`; what it does not name keeps its default. Anything else
 * throws, so a wrong value fails the request (a 500, a bug to see) rather than silently lifting a limit.
 */
export function limitsFrom(json: string | undefined): FairShareLimits {
  if (json === undefined || json.trim() === '') return DEFAULT_LIMITS;
  const given = JSON.parse(json) as Record<string, unknown>;
  const plans = { ...DEFAULT_LIMITS.plans };
  let publicClient = DEFAULT_LIMITS.publicClient;
  for (const [name, value] of Object.entries(given)) {
    if (!isLimit(value))
      throw new Error(`fair-share limit ${name}: expected { ratePerSecond > 0, burst >= 1 }`);
    const limit = { ratePerSecond: value.ratePerSecond, burst: value.burst };
    if (name === 'publicClient') publicClient = limit;
    else if ((TENANT_PLANS as readonly string[]).includes(name)) plans[name as TenantPlan] = limit;
    else
      throw new Error(`fair-share limit ${name}: not a plan (${TENANT_PLANS.join(', ')}) nor publicClient`);
  }
  return { plans, publicClient };
}

export const planLimit = (limits: FairShareLimits, plan: TenantPlan | undefined): BucketLimit =>
  limits.plans[plan ?? DEFAULT_PLAN] ?? limits.plans[DEFAULT_PLAN];

/** Expands an IPv6 address to its eight groups (undefined when it is not one). */
function ipv6Groups(address: string): string[] | undefined {
  const [head = '', tail, ...more] = address.split('::');
  if (more.length > 0) return undefined;
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const left = part(head);
  let right = part(tail ?? '');
  // An embedded IPv4 tail (`::ffff:1.2.3.4`, `64:ff9b::1.2.3.4`) is two groups.
  const last = right.at(-1) ?? left.at(-1);
  if (last?.includes('.')) {
    const octets = last.split('.').map(Number);
    const groups = [((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0)];
    const hex = groups.map((g) => g.toString(16));
    if (right.length > 0) right = [...right.slice(0, -1), ...hex];
    else left.splice(-1, 1, ...hex);
  }
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return groups.map((g) => g.toLowerCase().padStart(4, '0'));
}

/**
 * The client a public request counts against: an IPv4 address as it is; an IPv6 address by its
 * /64 (`2001:db8:1:2::/64`); an IPv4-mapped IPv6 address as the IPv4 it maps. Anything unparsable
 * (API Gateway always sends an address) counts as one shared "unknown" client.
 */
export function clientKey(sourceIp: string | undefined): string {
  const ip = (sourceIp ?? '').trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return ip;
  const groups = ipv6Groups(ip);
  if (!groups) return 'unknown';
  if (groups.slice(0, 5).every((g) => g === '0000') && groups[5] === 'ffff') {
    const [a = 0, b = 0] = [parseInt(groups[6] ?? '0', 16), parseInt(groups[7] ?? '0', 16)];
    return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}
