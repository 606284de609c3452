/**
 * The fair-share gate with an in-memory store (the arithmetic the DynamoDB store's conditions
 * mirror; the real store is exercised by tests/integration/fair-share.test.ts): who counts against
 * which bucket, what a refusal answers, and that a broken store fails open.
 */
import { isRateBucketUpdate } from '../../../infra/local/access-guard';
import { admit, type Admission, type BucketLimit } from '../../../shared/domain/fair-share/token-bucket';
import { DEFAULT_LIMITS, limitsFrom } from '../../../shared/domain/fair-share/limits';
import type { TenantPlan } from '../../../shared/domain/tenants/tenant';
import { RateLimitedError, fairShareGate, onlyReadsTable } from '../../../shared/platform/fair-share-gate';
import { problemResponse } from '../../../shared/platform/problem';
import { rateBucketKey, type BucketStore } from '../../../shared/platform/rate-bucket-store';

function memoryStore() {
  const tats = new Map<string, number>();
  const takes: string[] = [];
  const store: BucketStore = {
    take: async (key, limit: BucketLimit, clock): Promise<Admission> => {
      const id = `${key.PK}|${key.SK}`;
      takes.push(id);
      const verdict = admit(tats.get(id), clock(), limit);
      if (verdict.allowed) tats.set(id, verdict.tat);
      return verdict;
    },
  };
  return { store, takes };
}

function gateWith(plans: Record<string, TenantPlan | undefined> = {}, json?: string) {
  let now = 1_800_000_000_000;
  const { store, takes } = memoryStore();
  const planReads: string[] = [];
  const errors: unknown[] = [];
  const gate = fairShareGate({
    store,
    plans: async (tenant) => {
      planReads.push(tenant);
      return plans[tenant];
    },
    limits: limitsFrom(
      json ?? '{"trial":{"ratePerSecond":1,"burst":2},"publicClient":{"ratePerSecond":1,"burst":2}}',
    ),
    planTtlMs: 30_000,
    now: () => now,
    onError: (error) => errors.push(error),
  });
  return { gate, takes, planReads, errors, advance: (ms: number) => (now += ms) };
}

const times = async (n: number, fn: () => Promise<void>) => {
  const out: string[] = [];
  for (let i = 0; i < n; i += 1)
    out.push(
      await fn().then(
        () => 'ok',
        (e: unknown) => (e instanceof RateLimitedError ? `429:${e.retryAfterSeconds}` : 'error'),
      ),
    );
  return out;
};

describe('platform/fair-share-gate', () => {
  it('one tenant at its limit does not touch another tenant’s bucket', async () => {
    const { gate } = gateWith({ a: 'trial', b: 'trial' });
    const a = () => gate.require({ tenant: 'a', auth: 'user' });
    const b = () => gate.require({ tenant: 'b', auth: 'user' });
    expect(await times(4, a)).toEqual(['ok', 'ok', '429:1', '429:1']);
    expect(await times(2, b)).toEqual(['ok', 'ok']);
  });

  it('sizes the tenant’s bucket by its plan, read once per TTL', async () => {
    const { gate, planReads, advance } = gateWith({ big: 'enterprise' });
    const big = () => gate.require({ tenant: 'big', auth: 'user' });
    const answers = await times(DEFAULT_LIMITS.plans.enterprise.burst + 1, big);
    expect(answers.filter((a) => a === 'ok')).toHaveLength(DEFAULT_LIMITS.plans.enterprise.burst);
    expect(answers.at(-1)).toMatch(/^429/);
    expect(planReads).toEqual(['big']);
    advance(30_001);
    await big();
    expect(planReads).toEqual(['big', 'big']);
  });

  it('counts the public per client at the tenant, apart from the tenant’s own bucket', async () => {
    const { gate, takes } = gateWith({ a: 'trial' });
    const from = (ip: string) => () => gate.require({ tenant: 'a', auth: 'public', sourceIp: ip });
    expect(await times(3, from('203.0.113.1'))).toEqual(['ok', 'ok', '429:1']);
    expect(await times(1, from('203.0.113.2'))).toEqual(['ok']);
    // Another address of the same IPv6 /64 is the same client.
    expect(await times(2, from('2001:db8:0:1::a'))).toEqual(['ok', 'ok']);
    expect(await times(1, from('2001:db8:0:1::b'))).toEqual(['429:1']);
    // The tenant's staff still have their whole bucket.
    expect(await times(2, () => gate.require({ tenant: 'a', auth: 'user' }))).toEqual(['ok', 'ok']);
    expect(new Set(takes)).toEqual(
      new Set([
        'RATE#a|CLIENT#203.0.113.1',
        'RATE#a|CLIENT#203.0.113.2',
        'RATE#a|CLIENT#2001:0db8:0000:0001::/64',
        'RATE#a|STAFF',
      ]),
    );
  });

  it('admits again once the bucket has refilled', async () => {
    const { gate, advance } = gateWith({ a: 'trial' });
    const a = () => gate.require({ tenant: 'a', auth: 'user' });
    expect(await times(3, a)).toEqual(['ok', 'ok', '429:1']);
    advance(1000);
    expect(await times(2, a)).toEqual(['ok', '429:1']);
  });

  it('leaves the operator’s own tenant alone', async () => {
    const { gate, takes } = gateWith();
    await times(10, () => gate.require({ tenant: 'platform', auth: 'user' }));
    expect(takes).toEqual([]);
  });

  it('fails open: a store that throws serves the request and reports the error', async () => {
    const errors: unknown[] = [];
    const gate = fairShareGate({
      store: {
        take: async () => {
          throw Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' });
        },
      },
      plans: async () => 'trial',
      limits: DEFAULT_LIMITS,
      planTtlMs: 1000,
      onError: (error) => errors.push(error),
    });
    await expect(gate.require({ tenant: 'a', auth: 'user' })).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  it('answers a refusal as 429 problem+json with Retry-After and the wait in the body, in both languages', () => {
    const response = problemResponse(new RateLimitedError(3, 'tenant', 'h98'), '/v1/dossiers');
    expect(response.statusCode).toBe(429);
    expect(response.headers).toEqual({ 'content-type': 'application/problem+json', 'retry-after': '3' });
    const body = JSON.parse(response.body as string);
    expect(body).toMatchObject({
      type: 'https://mot-cua.example.vn/problems/rate-limited',
      status: 429,
      retryAfter: 3,
      title: 'Quá nhiều yêu cầu / Too many requests',
    });
    expect(body.detail).toMatch(/thử lại sau 3 giây.*retry after 3 s/);
  });
});

describe('platform/fair-share-gate: the bucket write alongside a read-only use case', () => {
  /** A store that remembers TATs like the DynamoDB one, so it can refuse from memory. */
  function rememberingGate() {
    const { store, takes } = memoryStore();
    const seen = new Map<string, number>();
    const remembering: BucketStore = {
      take: async (key, limit, clock) => {
        const verdict = await store.take(key, limit, clock);
        seen.set(`${key.PK}|${key.SK}`, verdict.tat);
        return verdict;
      },
      refusedFromMemory: (key, limit, now) => {
        const verdict = admit(seen.get(`${key.PK}|${key.SK}`), now, limit);
        return verdict.allowed ? undefined : verdict;
      },
    };
    const gate = fairShareGate({
      store: remembering,
      plans: async () => 'trial',
      limits: limitsFrom('{"publicClient":{"ratePerSecond":1,"burst":2}}'),
      planTtlMs: 30_000,
      now: () => 1_800_000_000_000,
    });
    return { gate, takes };
  }
  const client = { tenant: 'a', auth: 'public' as const, sourceIp: '203.0.113.9' };

  it('answers what the use case answered while the bucket admits, its error included', async () => {
    const { gate, takes } = rememberingGate();
    await expect(gate.alongside(client, async () => 'view')).resolves.toBe('view');
    await expect(
      gate.alongside(client, async () => {
        throw new Error('not found');
      }),
    ).rejects.toThrow('not found');
    expect(takes).toHaveLength(2);
  });

  it('answers 429 once the bucket refuses, whatever the use case answered or threw alongside', async () => {
    // A store without memory (as another container's writes look): the write decides.
    const { gate, takes } = gateWith();
    const started: string[] = [];
    const read = (name: string) => async () => {
      started.push(name);
      return name;
    };
    await gate.alongside(client, read('1'));
    await gate.alongside(client, read('2'));
    await expect(gate.alongside(client, read('3'))).rejects.toBeInstanceOf(RateLimitedError);
    await expect(
      gate.alongside(client, async () => {
        throw new Error('not found');
      }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    expect(started).toEqual(['1', '2', '3']);
    expect(takes).toHaveLength(4);
  });

  it('refuses from memory without starting the use case: an over-limit client costs no read', async () => {
    const { gate, takes } = rememberingGate();
    const started: string[] = [];
    const read = (name: string) => async () => {
      started.push(name);
      return name;
    };
    await gate.alongside(client, read('1'));
    await gate.alongside(client, read('2'));
    await expect(gate.alongside(client, read('3'))).rejects.toBeInstanceOf(RateLimitedError);
    expect(started).toEqual(['1', '2']);
    expect(takes).toHaveLength(2);
  });

  it('runs alongside only for routes that do nothing but read the table', () => {
    expect(onlyReadsTable({ table: 'read' })).toBe(true);
    expect(onlyReadsTable({ table: 'read', tenantScoped: false, publicBaseUrl: true })).toBe(true);
    expect(onlyReadsTable({ table: 'readWrite' })).toBe(false);
    expect(onlyReadsTable({ table: 'read', audit: true })).toBe(false);
    expect(onlyReadsTable({ table: 'read', personalData: true })).toBe(false);
    expect(onlyReadsTable({ table: 'read', bucket: { stored: ['read'] } })).toBe(false);
  });
});

describe('offline access guard: fair-share buckets', () => {
  const body = (pk: string) => ({ Key: { PK: { S: pk }, SK: { S: 'STAFF' } } });
  it('lets a function with table access update a RATE# item, and nothing else beyond its access', () => {
    expect(
      isRateBucketUpdate({ table: 'read' }, 'dynamodb:UpdateItem', body(rateBucketKey('a', 'STAFF').PK)),
    ).toBe(true);
    expect(isRateBucketUpdate({ table: 'read' }, 'dynamodb:UpdateItem', body('TENANT#a'))).toBe(false);
    expect(isRateBucketUpdate({ table: 'read' }, 'dynamodb:PutItem', body('RATE#a'))).toBe(false);
    expect(isRateBucketUpdate({}, 'dynamodb:UpdateItem', body('RATE#a'))).toBe(false);
  });
});
