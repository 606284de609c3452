/**
 * Which functions work inside one tenant, and which keys one tenant's credentials reach (issue 11
 * §3). One source, read by CDK (infra/constructs/tenant-data-role.ts: the tenant-scoped role's
 * conditions), by the runtime (shared/platform/http.ts: the use case runs with the tenant's
 * credentials) and by the offline access guard (infra/local/access-guard.ts: the same rules).
 *
 * A route is tenant-scoped by default when it touches the table or the bucket: its caller is one
 * tenant's (the token's tenant, or `{tenant}` in a public path). The exceptions are cross-tenant by
 * design: the operator's routes (`tenants.operate`, every province), and any route that says
 * `tenantScoped: false` in its access. Functions of the function table (stream and queue consumers,
 * the deadline clock, the log subscriber) read their tenant from the item or message they are
 * given, not from a caller; they keep their execution role (docs/isolation.md says why).
 *
 * Kept free of imports beyond types, so CDK, the offline cloud and every handler can load it.
 */
import type { ResourceAccess } from './route-meta';

/** The session tag the tenant travels in: `aws:PrincipalTag/tenant` in the role's policy. */
export const TENANT_TAG = 'tenant';

/** What a tenant id is (tenant-gate and the public paths check the same). */
export const TENANT_ID_PATTERN = /^[a-z][a-z0-9-]{1,30}$/;

/** Policy actions whose routes act on every tenant: never scoped to one. */
export const CROSS_TENANT_ACTIONS: readonly string[] = ['tenants.operate'];

interface ScopedRouteLike {
  action: string;
  access: ResourceAccess;
}

/** Whether the route's use case runs with one tenant's credentials. */
export function isTenantScoped(route: ScopedRouteLike): boolean {
  const { access } = route;
  if (access.table === undefined && access.bucket === undefined) return false;
  if (access.tenantScoped !== undefined) return access.tenantScoped;
  return !CROSS_TENANT_ACTIONS.includes(route.action);
}

/**
 * The partition keys one tenant's credentials may name (IAM StringLike patterns), `tenant` being
 * a literal id or the policy variable `${aws:PrincipalTag/tenant}`. Two patterns, not
 * `TENANT#<t>*`: that one would let tenant `h9` reach `TENANT#h97…`. Tenant ids have no `#`, so
 * `TENANT#h9#*` is h9's alone.
 *
 * `CLIENT#*`: the lookup item of an agency's system (PK `CLIENT#<client id>`, the one key of a
 * tenant's own data not under its partition, shared/data/table.ts) is written in the same
 * transaction as the tenant's client item, so the routes that register and revoke systems
 * (`cognito: 'agencyClients'`) may name it. Client ids are Cognito's, not the tenant's: IAM cannot
 * tie that key to the tag (docs/isolation.md, "What is not scoped").
 */
export function tenantPartitionPatterns(tenant: string, access: Pick<ResourceAccess, 'cognito'>): string[] {
  return [
    `TENANT#${tenant}`,
    `TENANT#${tenant}#*`,
    ...(access.cognito === 'agencyClients' ? [AGENCY_CLIENT_LOOKUP_PATTERN] : []),
  ];
}

export const AGENCY_CLIENT_LOOKUP_PATTERN = 'CLIENT#*';

/** The objects one tenant's credentials may name in an area (`staging/`, `stored/`). */
export const tenantObjectPrefix = (areaPrefix: string, tenant: string) => `${areaPrefix}${tenant}/`;

/**
 * What a tenant-scoped function's execution role keeps (its platform reads and writes, done
 * before the use case runs or through `asPlatform`): the tenant registry item (suspension, plan:
 * shared/platform/tenant-gate.ts, shared/data/tenant-repo.ts) with GetItem, and the fair-share
 * buckets (`RATE#<tenant>`, shared/platform/rate-bucket-store.ts) with UpdateItem.
 */
export const PLATFORM_READ_PARTITION = 'PLATFORM#TENANTS';

/** IAM's StringLike on one value: `*` any run, `?` one character. */
export function stringLike(pattern: string, value: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 's').test(value);
}

/** Whether `pk` is one of the partitions `tenant`'s credentials may name. */
export const isTenantPartition = (
  tenant: string,
  pk: string,
  access: Pick<ResourceAccess, 'cognito'>,
): boolean => tenantPartitionPatterns(tenant, access).some((p) => stringLike(p, pk));
