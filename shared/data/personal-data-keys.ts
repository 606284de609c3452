/**
 * Each tenant's personal-data keys (issue 11 §5): envelope encryption. One KMS key (CDK, the Data
 * stack) wraps one data key per tenant and version (`GenerateDataKey` with the encryption context
 * `{ tenant }`, so a wrapped key of one province cannot be unwrapped as another's); the wrapped key
 * lives in the table (DataKeyEntity), the clear one only in this container's memory, for a bounded
 * time. The subkeys for sealing and for the keyed hash are derived from it (seal.ts).
 *
 * Offline the very same calls reach the local KMS (infra/local/kms.ts) through AWS_ENDPOINT_URL_KMS.
 */
import { DecryptCommand } from '@aws-sdk/client-kms';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { deriveFieldKeys, type FieldKeys } from '../domain/personal-data/seal';
import { getKmsClient } from '../platform/aws-clients';
import { ENV, requireEnv } from '../platform/env';
import { DataKeyEntity } from './entities/data-key';
import { createKey } from './personal-data-key-create';
import { tenantContext } from './personal-data-key-context';

/**
 * The version new values are sealed with. Rotating: raise it; each tenant's next write creates
 * that version's key, and values sealed under older versions still open with theirs (kept).
 */
export const CURRENT_KEY_VERSION = 1;

/** How long a container keeps a clear data key: bounded, so a disabled KMS key stops it soon. */
const CACHE_MS = 15 * 60 * 1000;

const cache = new Map<string, { keys: Promise<FieldKeys>; until: number }>();

async function unwrap(tenant: string, version: number, wrapped: string): Promise<FieldKeys> {
  const { Plaintext } = await getKmsClient().send(
    new DecryptCommand({
      CiphertextBlob: Buffer.from(wrapped, 'base64'),
      EncryptionContext: tenantContext(tenant),
      KeyId: requireEnv(ENV.personalDataKeyId),
    }),
  );
  if (!Plaintext) throw new Error(`KMS returned no data key for ${tenant} v${version}`);
  return deriveFieldKeys(Plaintext, version);
}

const storedKey = async (tenant: string, version: number) =>
  (await DataKeyEntity.build(GetItemCommand).key({ tenant, version }).options({ consistent: true }).send())
    .Item;

/** The stored key of a version, unwrapped; never creates one. */
async function loadStoredKeys(tenant: string, version: number): Promise<FieldKeys> {
  const stored = await storedKey(tenant, version);
  if (!stored) throw new NoDataKeyError(tenant, version);
  return unwrap(tenant, version, stored.wrapped);
}

async function loadKeys(tenant: string, version: number, create: boolean): Promise<FieldKeys> {
  const stored = await storedKey(tenant, version);
  if (stored) return unwrap(tenant, version, stored.wrapped);
  if (!create) throw new NoDataKeyError(tenant, version);
  return createKey(tenant, version, async () => {
    const winner = await storedKey(tenant, version);
    return winner && unwrap(tenant, version, winner.wrapped);
  });
}

/** Thrown for a version the tenant has no key of (and that is not created on demand). */
export class NoDataKeyError extends Error {
  constructor(tenant: string, version: number) {
    super(`no personal-data key v${version} for tenant ${tenant}`);
    this.name = 'NoDataKeyError';
  }
}

/**
 * The tenant's keys of one version, cached. The current version is created on first use unless
 * `create` is false (a reader that writes nothing: a search before anything was sealed).
 */
export function tenantKeys(
  tenant: string,
  version = CURRENT_KEY_VERSION,
  { create = version === CURRENT_KEY_VERSION } = {},
): Promise<FieldKeys> {
  return cached(tenant, version, () => loadKeys(tenant, version, create));
}

/**
 * The keys of `tenant` and `version` from this container's cache, else loaded by `load`. Readers
 * pass a load that cannot create (keyRing): a route that only opens sealed data then does not
 * bundle the creation's PutItem (issue 14).
 */
function cached(tenant: string, version: number, load: () => Promise<FieldKeys>): Promise<FieldKeys> {
  const id = `${tenant}#${version}`;
  const now = Date.now();
  const hit = cache.get(id);
  if (hit && hit.until > now) return hit.keys;
  const keys = load();
  cache.set(id, { keys, until: now + CACHE_MS });
  // A failure is not cached: the next call asks again.
  keys.catch(() => cache.delete(id));
  return keys;
}

/** Every version a set of sealed values names, loaded: `of(version)` is then synchronous. */
export async function keyRing(tenant: string, versions: Iterable<number>) {
  const wanted = [...new Set(versions)];
  const loaded = new Map(
    await Promise.all(
      wanted.map(async (v) => [v, await cached(tenant, v, () => loadStoredKeys(tenant, v))] as const),
    ),
  );
  return {
    of: (version: number): FieldKeys => {
      const keys = loaded.get(version);
      if (!keys) throw new Error(`personal-data key v${version} not loaded`);
      return keys;
    },
  };
}

/** Forgets the cached keys (tests, the bench's cold path). */
export const forgetTenantKeys = () => cache.clear();
