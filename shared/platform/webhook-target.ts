/**
 * Resolves a webhook target once and pins it: every address the host resolves to (all A and AAAA
 * records) must pass the policy (shared/domain/webhooks/target-policy.ts), and the answer is the
 * one address to connect to. The outbound POST (webhook-post.ts) connects to exactly that address,
 * so a DNS answer that changes between this check and the connection (DNS rebinding) cannot send
 * the request elsewhere. Used at subscription time (creation, update) and before every delivery.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import {
  checkAddress,
  checkTargetUrl,
  type TargetPolicy,
  type TargetRefusal,
} from '../domain/webhooks/target-policy';
import { ENV } from './env';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address of a host name: `dns.lookup(host, { all: true })` by default; tests inject a stub. */
export type LookupAll = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Where a delivery connects: the URL (for the request line, Host and SNI) and the pinned address. */
export interface DeliveryTarget {
  url: URL;
  hostname: string;
  port: number;
  address: string;
  family: 4 | 6;
}

export type ResolvedTarget = { ok: true; target: DeliveryTarget } | { ok: false; refusal: TargetRefusal };

/**
 * Checks `url` under `policy`, resolves its host once with `lookup`, checks every address, and
 * answers the address to connect to (the first the resolver gave). A name that does not resolve
 * is refused (`unresolvable-host`): at delivery that is a failed attempt, retried on schedule.
 * Never sends a packet other than the DNS query `lookup` makes.
 */
export async function resolveDeliveryTarget(
  url: string,
  policy: TargetPolicy,
  lookup: LookupAll = systemLookup,
): Promise<ResolvedTarget> {
  const checked = checkTargetUrl(url, policy);
  if (!checked.ok) return checked;
  const { target } = checked;
  if (target.literal) {
    const { address, family } = target.literal;
    return {
      ok: true,
      target: { url: target.url, hostname: target.hostname, port: target.port, address, family },
    };
  }
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await lookup(target.hostname);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0)
    return {
      ok: false,
      refusal: {
        rule: 'unresolvable-host',
        message: `Không phân giải được tên ${target.hostname} / ${target.hostname} does not resolve`,
      },
    };
  // All of them, not just the one we will use: a resolver may rotate its answers between lookups.
  for (const { address } of addresses) {
    const refusal = checkAddress(address, policy);
    if (refusal) return { ok: false, refusal };
  }
  const [first] = addresses;
  return {
    ok: true,
    target: {
      url: target.url,
      hostname: target.hostname,
      port: target.port,
      address: first.address,
      family: first.family === 6 ? 6 : 4,
    },
  };
}

/**
 * Whether this deployment lets webhooks reach loopback: `WEBHOOK_LOOPBACK_ALLOWED=true`, which only
 * the offline cloud sets, and only for functions whose access names `webhookTargets`. CDK never
 * sets it. A tenant must allow it as well (its settings' `webhooks.allowLoopback`).
 */
export const deploymentAllowsLoopback = (): boolean => process.env[ENV.webhookLoopbackAllowed] === 'true';

/** The policy for a tenant: loopback only when both the deployment and the tenant allow it. */
export const targetPolicyFor = (tenantAllowsLoopback: boolean): TargetPolicy => ({
  allowLoopback: tenantAllowsLoopback && deploymentAllowsLoopback(),
});
