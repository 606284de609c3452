/**
 * The per-tenant credential cache (shared/platform/tenant-credentials.ts): one AssumeRole per
 * tenant, reused until shortly before expiry, parallel first requests sharing it, a failure not
 * remembered; and the scope the data layer's clients read.
 */
import {
  asPlatform,
  credentialCache,
  currentTenantScope,
  inTenantScope,
  refreshBeforeMs,
  type ScopedCredentials,
} from '../../../shared/platform/tenant-credentials';
import { ENV } from '../../../shared/platform/env';

const HOUR = 3_600_000;

function fakeSts(now: () => number) {
  const calls: string[] = [];
  let fail = false;
  const assume = async (tenant: string): Promise<ScopedCredentials> => {
    calls.push(tenant);
    await new Promise((r) => setImmediate(r));
    if (fail) throw new Error('sts down');
    return {
      accessKeyId: `AK-${tenant}-${calls.length}`,
      secretAccessKey: 's',
      expiration: new Date(now() + HOUR),
    };
  };
  return { assume, calls, failNext: (f: boolean) => (fail = f) };
}

describe('tenant credential cache', () => {
  let clock = 1_000_000;
  const now = () => clock;
  const refresh = 17 * 60_000;

  it('assumes once per tenant and reuses the credentials', async () => {
    const sts = fakeSts(now);
    const cache = credentialCache({ assume: sts.assume, refreshBeforeMs: refresh, now });
    const a1 = await cache.get('h97');
    const a2 = await cache.get('h97');
    const b = await cache.get('h98');
    expect(a2).toBe(a1);
    expect(b.accessKeyId).not.toBe(a1.accessKeyId);
    expect(sts.calls).toEqual(['h97', 'h98']);
    expect(cache.assumed).toBe(2);
  });

  it('shares one AssumeRole among parallel first requests of a tenant (single flight)', async () => {
    const sts = fakeSts(now);
    const cache = credentialCache({ assume: sts.assume, refreshBeforeMs: refresh, now });
    const all = await Promise.all([cache.get('h97'), cache.get('h97'), cache.get('h97'), cache.get('h98')]);
    expect(new Set(all.slice(0, 3)).size).toBe(1);
    expect(sts.calls).toEqual(['h97', 'h98']);
  });

  it('refreshes before expiry, early enough for the longest presigned URL', async () => {
    const sts = fakeSts(now);
    const cache = credentialCache({ assume: sts.assume, refreshBeforeMs: refresh, now });
    const first = await cache.get('h97');
    clock += HOUR - refresh - 1;
    expect(await cache.get('h97')).toBe(first);
    clock += 2;
    const second = await cache.get('h97');
    expect(second).not.toBe(first);
    expect(second.expiration.getTime() - clock).toBeGreaterThan(refresh);
    expect(sts.calls).toEqual(['h97', 'h97']);
  });

  it('does not remember a failure: the next request assumes again', async () => {
    const sts = fakeSts(now);
    const cache = credentialCache({ assume: sts.assume, refreshBeforeMs: refresh, now });
    sts.failNext(true);
    await expect(cache.get('h97')).rejects.toThrow('sts down');
    sts.failNext(false);
    await expect(cache.get('h97')).resolves.toMatchObject({ accessKeyId: 'AK-h97-2' });
  });

  it('refreshes with the URLs’ lifetime plus a margin (uploads last 15 min by default)', () => {
    expect(refreshBeforeMs()).toBe((900 + 120) * 1000);
  });
});

describe('tenant scope', () => {
  const saved = process.env[ENV.tenantDataRoleArn];
  afterEach(() => {
    if (saved === undefined) delete process.env[ENV.tenantDataRoleArn];
    else process.env[ENV.tenantDataRoleArn] = saved;
  });

  it('follows the awaits of the use case, and asPlatform leaves it', async () => {
    process.env[ENV.tenantDataRoleArn] = 'arn:aws:iam::111122223333:role/t';
    const seen = await inTenantScope('h97', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return [currentTenantScope()?.tenant, asPlatform(() => currentTenantScope())];
    });
    expect(seen).toEqual(['h97', undefined]);
    expect(currentTenantScope()).toBeUndefined();
  });

  it('answers 404 for a name that is no tenant id (a token claiming `H98`), before any STS call', async () => {
    process.env[ENV.tenantDataRoleArn] = 'arn:aws:iam::111122223333:role/t';
    const body = jest.fn(async () => 'ran');
    await expect(inTenantScope('H98', body)).rejects.toMatchObject({ status: 404 });
    await expect(inTenantScope('h9#*', body)).rejects.toMatchObject({ status: 404 });
    expect(body).not.toHaveBeenCalled();
  });

  it('is no scope in a function without a tenant data role (not tenant-scoped)', async () => {
    delete process.env[ENV.tenantDataRoleArn];
    expect(await inTenantScope('h97', async () => currentTenantScope())).toBeUndefined();
  });
});
