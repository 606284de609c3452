/**
 * The cost of tenant-scoped credentials (issue 11 §3, docs/isolation.md), `BENCH_ONLY=scoped npm
 * run bench`, in this process, no cloud:
 * - cache hit: what a table or bucket call pays on top of today's, the credential provider the
 *   tenant's client asks on every call (a Map lookup behind a resolved promise), in µs;
 * - first use of a tenant in a container: one AssumeRole with the session tag through the AWS SDK
 *   against the local STS on 127.0.0.1 (infra/local/sts.ts). That is the SDK's and loopback's cost,
 *   not AWS STS's latency, which this bench cannot measure; in AWS add one regional STS round trip.
 *   Paid once per tenant per container per ~43 min (sessions of 1 h, refreshed 17 min early).
 */
import { performance } from 'node:perf_hooks';
import { localTenantDataRoleArn, startLocalSts } from '../infra/local/sts';
import { ENV } from '../shared/platform/env';
import { credentialCache, tenantCredentialCache } from '../shared/platform/tenant-credentials';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './call-trace';
import { table } from './report';
import { percentile } from './stats';

const HITS = 200_000;
const FIRST_USES = 40;

export interface ScopedFigures {
  hitMicros: number;
  firstUseMs: { p50: number; p99: number; n: number };
}

export async function scopedFigures(): Promise<ScopedFigures> {
  // Cache hit: the credentials of a tenant already assumed.
  const far = new Date(Date.now() + 3_600_000);
  const cache = credentialCache({
    assume: async () => ({ accessKeyId: 'A', secretAccessKey: 'S', expiration: far }),
    refreshBeforeMs: 1_020_000,
  });
  await cache.get('h97');
  for (let i = 0; i < 10_000; i += 1) await cache.get('h97');
  const started = performance.now();
  for (let i = 0; i < HITS; i += 1) await cache.get('h97');
  const hitMicros = ((performance.now() - started) * 1000) / HITS;

  // First use: AssumeRole against the local STS, one new tenant each time.
  const sts = await startLocalSts({ host: '127.0.0.1', isScopedFunction: () => true });
  const saved = { ...process.env };
  Object.assign(process.env, {
    [ENV.tenantDataRoleArn]: localTenantDataRoleArn('getDossier'),
    AWS_ENDPOINT_URL_STS: sts.endpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  });
  try {
    await tenantCredentialCache().get('warmup'); // loads the STS client once, as a cold start does
    const samples: number[] = [];
    for (let i = 0; i < FIRST_USES; i += 1) {
      const t = performance.now();
      await tenantCredentialCache().get(`t${i}`);
      samples.push(performance.now() - t);
    }
    return {
      hitMicros,
      firstUseMs: { p50: percentile(samples, 50), p99: percentile(samples, 99), n: FIRST_USES },
    };
  } finally {
    process.env = saved;
    await sts.stop();
  }
}

export function renderScoped(f: ScopedFigures): string {
  return (
    `## Tenant-scoped credentials (issue 11 §3)\n\n` +
    table(
      ['What', 'Cost'],
      [
        ['Cache hit, per table or bucket call', `${f.hitMicros.toFixed(2)} µs`],
        [
          `First use of a tenant: AssumeRole via the SDK to the local STS (n=${f.firstUseMs.n})`,
          `p50 ${f.firstUseMs.p50.toFixed(2)} ms, p99 ${f.firstUseMs.p99.toFixed(2)} ms`,
        ],
      ],
      ['left', 'right'],
    ) +
    '\n\nThe first use is the SDK and loopback, not AWS STS: in AWS add one regional STS round trip, ' +
    'once per tenant per container per ~43 min.\n'
  );
}
