/**
 * Which tenant's credentials the current call signs with (issue 11 §3), followed through awaits by
 * AsyncLocalStorage. Kept apart from tenant-credentials.ts, which assumes the role through STS:
 * the SDK client getters (aws-clients.ts) read the scope here, so a function that never enters one
 * (the stream and queue consumers, the log subscriber) bundles no STS client (issue 14 §2).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What the SDK clients of a scope sign with: the `credentials` option of an SDK client. */
export type ScopeCredentials = (() => Promise<{
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}>) & { memoized: true };

export interface TenantScope {
  tenant: string;
  credentials: ScopeCredentials;
}

const scope = new AsyncLocalStorage<TenantScope>();

/** Runs `body` inside `tenantScope`: every table and bucket call it makes (and awaits) signs with its credentials. */
export const runInTenantScope = <T>(tenantScope: TenantScope, body: () => Promise<T>): Promise<T> =>
  scope.run(tenantScope, body);

/** Runs `body` with the execution role: for the platform items it alone may read. */
export const asPlatform = <T>(body: () => T): T => scope.exit(body);

/** The scope the current call runs in, if any. */
export const currentTenantScope = (): TenantScope | undefined => scope.getStore();
