/**
 * Credentials scoped to one tenant (issue 11 §3): inside `inTenantScope(tenant, …)`, the data
 * layer's DynamoDB and S3 clients sign with the credentials of the function's tenant-scoped role
 * (TENANT_DATA_ROLE_ARN), assumed with the session tag `tenant=<id>`. That role's policy lets the
 * credentials name only the tenant's own partitions and objects (infra/constructs/tenant-data-role.ts),
 * so a handler bug that builds another tenant's key is refused by IAM, not by the handler's checks.
 *
 * - Per tenant, per container: the credentials are cached until `refreshBeforeMs` before they
 *   expire, and parallel first requests of a tenant share one AssumeRole (single flight).
 * - Presigned URLs die with the session that signed them, so the credentials must outlive every
 *   URL signed with them: refreshed at least the longest URL lifetime (uploads: 15 min) before
 *   they expire; sessions last 1 h (the cap when a role is assumed by a Lambda's role).
 * - Outside a tenant scope, or in a function without TENANT_DATA_ROLE_ARN, the clients sign with
 *   the execution role, which for a tenant-scoped function reaches only the platform items
 *   (tenant registry, fair-share buckets): a read outside the scope fails closed.
 * - `asPlatform(…)`: the code that reads a platform item on purpose inside a scope (the tenant
 *   registry) says so; the execution role still reaches nothing else.
 * - AssumeRole goes through the SDK's `fromTemporaryCredentials` (@aws-sdk/credential-providers),
 *   whose STS client is the one the default credential chain already bundles for every function
 *   (@aws-sdk/nested-clients): @aws-sdk/client-sts was the same AssumeRole again, ~31 KB in every
 *   tenant-scoped bundle (docs/cold-start.md). The provider is called once per AssumeRole and
 *   carries no memo of its own, so `credentialCache` alone decides when to refresh; its STS client
 *   signs with the default chain's credentials, the execution role's, as `new STSClient({})` did.
 *
 * No `if (local)`: offline, TENANT_DATA_ROLE_ARN and AWS_ENDPOINT_URL_STS point at the local STS
 * (infra/local/sts.ts), whose credentials the offline access guard holds to the same rules; the STS
 * client reads AWS_ENDPOINT_URL_STS like any SDK client (its service id is `STS`).
 */
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { TENANT_ID_PATTERN, TENANT_TAG } from '../api/tenant-scope';
import { NotFoundError } from './errors';
import { ENV, numberEnv } from './env';
import { runInTenantScope } from './tenant-scope-context';

export { asPlatform, currentTenantScope } from './tenant-scope-context';

export interface ScopedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration: Date;
}

/** One AssumeRole with the tenant's session tag. */
export type AssumeTenantRole = (tenant: string) => Promise<ScopedCredentials>;

export interface CredentialCache {
  /** The tenant's credentials: cached, refreshed early, one AssumeRole at a time per tenant. */
  get(tenant: string): Promise<ScopedCredentials>;
  /** How many AssumeRole calls were made (the bench and tests read it). */
  readonly assumed: number;
}

export function credentialCache(options: {
  assume: AssumeTenantRole;
  /** Refresh when less than this is left (must exceed the longest presigned URL's lifetime). */
  refreshBeforeMs: number;
  now?: () => number;
}): CredentialCache {
  const now = options.now ?? Date.now;
  const held = new Map<string, ScopedCredentials>();
  const inFlight = new Map<string, Promise<ScopedCredentials>>();
  let assumed = 0;
  const fresh = (c: ScopedCredentials | undefined): c is ScopedCredentials =>
    c !== undefined && c.expiration.getTime() - now() > options.refreshBeforeMs;
  return {
    get(tenant) {
      const known = held.get(tenant);
      if (fresh(known)) return Promise.resolve(known);
      const pending = inFlight.get(tenant);
      if (pending) return pending;
      assumed += 1;
      const next = options
        .assume(tenant)
        .then((credentials) => {
          held.set(tenant, credentials);
          return credentials;
        })
        .finally(() => inFlight.delete(tenant));
      inFlight.set(tenant, next);
      return next;
    },
    get assumed() {
      return assumed;
    },
  };
}

/** The role the function assumes for its tenants, when it has one. */
export const tenantDataRoleArn = (): string | undefined => process.env[ENV.tenantDataRoleArn] || undefined;

/**
 * Runs `body` with `tenant`'s credentials for every table and bucket call it makes (and awaits).
 * Without TENANT_DATA_ROLE_ARN (a function that is not tenant-scoped) it runs as it is.
 */
export function inTenantScope<T>(tenant: string | undefined, body: () => Promise<T>): Promise<T> {
  if (tenant === undefined || tenantDataRoleArn() === undefined) return body();
  // A name that is no tenant id (a token's claim, say `H98`) owns no key: nothing to find. Asking
  // STS for it would only be refused (the local STS refuses it; the role's trust policy refuses the
  // characters that widen a pattern), and a refusal is a 500.
  if (!TENANT_ID_PATTERN.test(tenant))
    return Promise.reject(new NotFoundError(`Không có đơn vị ${tenant} / no tenant ${tenant}`));
  return runInTenantScope({ tenant, credentials: tenantCredentialsProvider(tenant) }, body);
}

/** Sessions last one hour: the cap for a role assumed with a Lambda function's credentials. */
export const SESSION_SECONDS = 3600;

/**
 * Refresh this long before expiry: the longest presigned URL (uploads, 15 min by default) plus a
 * margin for the request that signs it and clock skew.
 */
export const refreshBeforeMs = (): number =>
  (Math.max(numberEnv(ENV.uploadUrlTtlSeconds, 900), numberEnv(ENV.downloadUrlTtlSeconds, 300)) + 120) * 1000;

/** The session name CloudTrail shows: which tenant, which function. */
export const sessionName = (tenant: string) =>
  `${tenant}-${(process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'fn').slice(-40)}`.slice(0, 64);

/**
 * One AssumeRole through the SDK's provider (see the header). A provider per call: its STS client
 * is built then and dropped after (a few ms, once per tenant per ~43 min), so nothing but the cache
 * above holds a tenant's session, and no client lingers per tenant.
 */
const assumeWithSts =
  (roleArn: string): AssumeTenantRole =>
  async (tenant) => {
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = await fromTemporaryCredentials({
      params: {
        RoleArn: roleArn,
        RoleSessionName: sessionName(tenant),
        DurationSeconds: SESSION_SECONDS,
        Tags: [{ Key: TENANT_TAG, Value: tenant }],
      },
    })();
    if (!expiration) throw new Error('AssumeRole answered without credentials');
    return { accessKeyId, secretAccessKey, sessionToken, expiration };
  };
/**
 * Per role: in AWS a container has one (its function's); offline every function shares one
 * process, and one function's session must never sign another's calls.
 */
const caches = new Map<string, CredentialCache>();

/** The cache of the running function's role (the bench reads its count). */
export function tenantCredentialCache(): CredentialCache {
  const role = tenantDataRoleArn() ?? '';
  let cache = caches.get(role);
  if (!cache)
    caches.set(
      role,
      (cache = credentialCache({ assume: assumeWithSts(role), refreshBeforeMs: refreshBeforeMs() })),
    );
  return cache;
}

/**
 * The SDK's credentials for one tenant's clients. `memoized: true` tells the SDK not to wrap it in
 * its own memo, which would ask again only 5 min before expiry: the cache above decides when to
 * refresh (early enough for every presigned URL), and answers from memory otherwise.
 */
export const tenantCredentialsProvider = (tenant: string) =>
  Object.assign(() => tenantCredentialCache().get(tenant), { memoized: true as const });
