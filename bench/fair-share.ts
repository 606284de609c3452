/**
 * The fair-share phase of `npm run bench` (docs/fair-share.md): on a cloud of its own whose
 * standard plan allows NOISY_LIMIT, a quiet tenant sends a paced, moderate load while a noisy
 * tenant sends three times its limit, paced too (open loops: the offered load is the same whether
 * the answers are quick 429s or full requests). Figures: the quiet tenant's p50/p99 alone
 * (before and after, merged), with the noisy neighbour limited, and with the same load from a
 * tenant whose plan never binds (what fair share spares it); the noisy tenant's share of 429s; and
 * the limiter's own cost per request (the DynamoDB store's `take` against DynamoDB Local, timed in
 * this process next to a plain GetItem).
 *
 * Offline, every function runs in one Node process on this machine's cores, so the noisy tenant's
 * refusals still cost CPU the quiet tenant's requests need: in AWS each would run in its own Lambda
 * containers. What the figures show is that a refusal is cheap (answered mostly from the
 * container's memory, see rate-bucket-store.ts) and that the quiet tenant's bucket is untouched.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { getDocumentClient } from '../shared/platform/aws-clients';
import { tenantRegistryKey } from '../shared/platform/tenant-gate';
import type { BucketLimit } from '../shared/domain/fair-share/token-bucket';
import { dynamoBucketStore, rateBucketKey, STAFF_BUCKET } from '../shared/platform/rate-bucket-store';
import { startCloudProcess, stopCloudProcess, type CloudHandle } from '../tests/integration/helpers/offline';
import { claimsLike, signWithIssuerKey } from '../tests/integration/helpers/tokens';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './call-trace';
import { table } from './report';
import { percentile } from './stats';

/** The standard plan's limit in this phase's cloud: both tenants are on it (no registry record). */
export const NOISY_LIMIT: BucketLimit = { ratePerSecond: 10, burst: 20 };
/** The quiet tenant's pace, well under its limit. */
const QUIET_RATE = 5;
/** The noisy tenant's pace: three times its limit, the same offered load limited or not. */
const NOISY_RATE = 30;
const LIMITER_CALLS = 400;
/** A route every tenant admin may call and that reads the table (a Query), for an empty tenant too. */
const PATH = '/v1/webhooks/subscriptions';

export interface Latency {
  requests: number;
  failed: number;
  /** What the failed ones answered, status → count (`error`: no answer). */
  failures: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
}

export interface FairShareFigures {
  limit: BucketLimit;
  quietRate: number;
  noisyRate: number;
  durationSec: number;
  quietAlone: Latency;
  quietWithNoisy: Latency;
  noisy: {
    requests: number;
    ok: number;
    limited: number;
    other: number;
    okPerSecond: number;
    failures: Record<string, number>;
  };
  /** The store's `take` per request, against DynamoDB Local: the limiter's added latency. */
  limiter: { calls: number; p50Ms: number; p99Ms: number; getItemP50Ms: number; getItemP99Ms: number };
  /** The same, the noisy tenant on a plan without a binding limit: what the limiter spares the quiet one. */
  quietWithUnlimited: Latency;
  unlimited: { requests: number; ok: number; okPerSecond: number; failures: Record<string, number> };
  /** 1-minute load average at the phase's start and end: other work on the machine shows here. */
  loadAverage: { start: number; end: number };
}

const failuresOf = (...runs: { statuses: Record<string, number> }[]) => {
  const out: Record<string, number> = {};
  for (const run of runs)
    for (const [status, n] of Object.entries(run.statuses))
      if (status !== '200') out[status] = (out[status] ?? 0) + n;
  return out;
};

const summary = (latencies: number[], failed: number, failures: Record<string, number>): Latency => ({
  requests: latencies.length + failed,
  failed,
  failures,
  p50Ms: percentile(latencies, 50),
  p99Ms: percentile(latencies, 99),
});

/** An open loop: one request every 1/rate s for `durationSec`, whatever the answers' latency. */
async function paced(url: string, token: string, rate: number, durationSec: number) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < rate * durationSec; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      (async () => {
        const t0 = performance.now();
        try {
          const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status === 200) latencies.push(performance.now() - t0);
          else failed += 1;
        } catch {
          statuses.error = (statuses.error ?? 0) + 1;
          failed += 1;
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  return { latencies, failed, statuses, durationSec: (performance.now() - started) / 1000 };
}

/**
 * Puts `tenant` on `plan` in the registry of the bench's own cloud (the plan is all the gate reads
 * of the item), as the operator's tools would; written directly, being the bench's setup.
 */
async function onPlan(cloud: CloudHandle, tenant: string, plan: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint: cloud.info.endpoints.dynamodb,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    const key = tenantRegistryKey(tenant);
    await client.send(
      new PutItemCommand({
        TableName: cloud.info.tableName,
        Item: { PK: { S: key.PK }, SK: { S: key.SK }, status: { S: 'active' }, plan: { S: plan } },
      }),
    );
  } finally {
    client.destroy();
  }
}

/** The store's own cost: `take` on one bucket, back to back, with a limit that never refuses. */
async function limiterCost(cloud: CloudHandle) {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: cloud.info.endpoints.dynamodb,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    TABLE_NAME: cloud.info.tableName,
    POWERTOOLS_TRACE_ENABLED: 'false',
  });
  const store = dynamoBucketStore();
  const key = rateBucketKey('bench-limiter', STAFF_BUCKET);
  const wide = { ratePerSecond: 100_000, burst: 1_000_000 };
  for (let i = 0; i < 20; i += 1) await store.take(key, wide, Date.now); // warm-up
  const latencies: number[] = [];
  const reads: number[] = [];
  const get = new GetCommand({ TableName: cloud.info.tableName, Key: key });
  // Interleaved with a plain GetItem of the same item, so both meet the same load on the machine.
  for (let i = 0; i < LIMITER_CALLS; i += 1) {
    const t0 = performance.now();
    const verdict = await store.take(key, wide, Date.now);
    latencies.push(performance.now() - t0);
    if (!verdict.allowed) throw new Error('the limiter refused under a limit that never binds');
    const t1 = performance.now();
    await getDocumentClient().send(get);
    reads.push(performance.now() - t1);
  }
  return {
    calls: LIMITER_CALLS,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    getItemP50Ms: percentile(reads, 50),
    getItemP99Ms: percentile(reads, 99),
  };
}

export async function fairShareFigures(
  durationSec: number,
  progress: (message: string) => void,
): Promise<FairShareFigures> {
  progress(`fair share: a cloud of its own, standard plan ${JSON.stringify(NOISY_LIMIT)}…`);
  const loadStart = os.loadavg()[0]!;
  const wide = { ratePerSecond: 100_000, burst: 1_000_000 };
  const cloud = await startCloudProcess({
    timeoutMs: 90_000,
    env: {
      FAIR_SHARE_LIMITS: JSON.stringify({ standard: NOISY_LIMIT, enterprise: wide, publicClient: wide }),
    },
  });
  try {
    const admin = cloud.tokens.quantri;
    if (!admin) throw new Error('the cloud issued no token for quantri');
    const tokenOf = (tenant: string) =>
      signWithIssuerKey(claimsLike(admin, { 'custom:tenant': tenant }), cloud.dataDir);
    const [quiet, noisy, big] = await Promise.all([
      tokenOf('tinh-yen'),
      tokenOf('tinh-on'),
      tokenOf('tinh-lon'),
    ]);
    await onPlan(cloud, 'tinh-lon', 'enterprise');
    const url = `${cloud.baseUrl}${PATH}`;
    // Warm both tenants' functions and the quiet one's plan cache; the noisy bucket refills meanwhile.
    await paced(url, quiet, QUIET_RATE, 1);
    await paced(url, noisy, QUIET_RATE, 1);
    await paced(url, big, QUIET_RATE, 1);

    progress(`fair share: quiet tenant alone, ${QUIET_RATE} req/s for ${durationSec} s…`);
    const alone1 = await paced(url, quiet, QUIET_RATE, durationSec);
    progress(`fair share: quiet tenant with the noisy one at ${NOISY_RATE} req/s, limited…`);
    const [withNoisy, noisyRun] = await Promise.all([
      paced(url, quiet, QUIET_RATE, durationSec),
      paced(url, noisy, NOISY_RATE, durationSec),
    ]);
    progress(`fair share: quiet tenant with a noisy one at ${NOISY_RATE} req/s on a plan that never binds…`);
    const [withUnlimited, unlimitedRun] = await Promise.all([
      paced(url, quiet, QUIET_RATE, durationSec),
      paced(url, big, NOISY_RATE, durationSec),
    ]);
    progress('fair share: quiet tenant alone again…');
    const alone2 = await paced(url, quiet, QUIET_RATE, durationSec);
    progress(`fair share: the limiter's store, ${LIMITER_CALLS} takes against DynamoDB Local…`);
    const limiter = await limiterCost(cloud);

    const limited = noisyRun.statuses['429'] ?? 0;
    const requests = noisyRun.latencies.length + noisyRun.failed;
    return {
      limit: NOISY_LIMIT,
      quietRate: QUIET_RATE,
      noisyRate: NOISY_RATE,
      durationSec,
      quietAlone: summary(
        [...alone1.latencies, ...alone2.latencies],
        alone1.failed + alone2.failed,
        failuresOf(alone1, alone2),
      ),
      quietWithNoisy: summary(withNoisy.latencies, withNoisy.failed, failuresOf(withNoisy)),
      noisy: {
        requests,
        ok: noisyRun.latencies.length,
        limited,
        other: requests - noisyRun.latencies.length - limited,
        okPerSecond: noisyRun.latencies.length / noisyRun.durationSec,
        failures: failuresOf(noisyRun),
      },
      limiter,
      quietWithUnlimited: summary(withUnlimited.latencies, withUnlimited.failed, failuresOf(withUnlimited)),
      loadAverage: { start: loadStart, end: os.loadavg()[0]! },
      unlimited: {
        requests: unlimitedRun.latencies.length + unlimitedRun.failed,
        ok: unlimitedRun.latencies.length,
        okPerSecond: unlimitedRun.latencies.length / unlimitedRun.durationSec,
        failures: failuresOf(unlimitedRun),
      },
    };
  } finally {
    await stopCloudProcess(cloud, { removeData: true });
  }
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
/** `3 (429: 2, error: 1)`: how many failed, and what they answered. */
const failed = (n: number, failures: Record<string, number>) => {
  const parts = Object.entries(failures).map(([status, count]) => `${status}: ${count}`);
  return parts.length === 0 ? String(n) : `${n} (${parts.join(', ')})`;
};
const without429 = (failures: Record<string, number>) =>
  Object.fromEntries(Object.entries(failures).filter(([status]) => status !== '429'));

export function renderFairShare(f: FairShareFigures): string {
  const share = f.noisy.requests === 0 ? 0 : (100 * f.noisy.limited) / f.noisy.requests;
  return [
    '## Fair share: one tenant at its limit, another keeps its latency',
    '',
    `bench/fair-share.ts, on a cloud of its own whose standard plan allows ${f.limit.ratePerSecond} req/s (burst ${f.limit.burst}) per tenant. ` +
      `Quiet tenant: ${f.quietRate} req/s paced (open loop) on \`GET ${PATH}\`; noisy tenant: ${f.noisyRate} req/s paced on the same route, ${f.durationSec} s each. ` +
      `Quiet alone = before and after the noisy runs, merged. Load average ${f.loadAverage.start.toFixed(2)} at start, ${f.loadAverage.end.toFixed(2)} at end. Method and caveats: docs/fair-share.md.`,
    '',
    table(
      ['quiet tenant', 'requests', 'failed', 'p50 ms', 'p99 ms'],
      [
        [
          'alone',
          String(f.quietAlone.requests),
          failed(f.quietAlone.failed, f.quietAlone.failures),
          ms(f.quietAlone.p50Ms),
          ms(f.quietAlone.p99Ms),
        ],
        [
          'with the noisy tenant, limited',
          String(f.quietWithNoisy.requests),
          failed(f.quietWithNoisy.failed, f.quietWithNoisy.failures),
          ms(f.quietWithNoisy.p50Ms),
          ms(f.quietWithNoisy.p99Ms),
        ],
        [
          'with the noisy tenant, unlimited',
          String(f.quietWithUnlimited.requests),
          failed(f.quietWithUnlimited.failed, f.quietWithUnlimited.failures),
          ms(f.quietWithUnlimited.p50Ms),
          ms(f.quietWithUnlimited.p99Ms),
        ],
      ],
      ['left', 'right', 'right', 'right', 'right'],
    ),
    '',
    table(
      ['noisy tenant', 'requests', '200', '429', 'other', '429 share', '200 per s'],
      [
        [
          `limited, ${f.noisyRate} req/s`,
          String(f.noisy.requests),
          String(f.noisy.ok),
          String(f.noisy.limited),
          failed(f.noisy.other, without429(f.noisy.failures)),
          `${share.toFixed(1)} %`,
          f.noisy.okPerSecond.toFixed(1),
        ],
        [
          `unlimited, ${f.noisyRate} req/s`,
          String(f.unlimited.requests),
          String(f.unlimited.ok),
          '0',
          failed(f.unlimited.requests - f.unlimited.ok, f.unlimited.failures),
          '0.0 %',
          f.unlimited.okPerSecond.toFixed(1),
        ],
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    `"Unlimited": the same offered load from a tenant on a plan whose limit never binds, i.e. what the quiet tenant meets without fair share. ` +
      `The limiter's added latency per admitted request (its store's conditional UpdateItem against DynamoDB Local, ${f.limiter.calls} calls back to back): ` +
      `p50 ${ms(f.limiter.p50Ms)} ms, p99 ${ms(f.limiter.p99Ms)} ms; a plain GetItem of the same item, interleaved: p50 ${ms(f.limiter.getItemP50Ms)} ms, p99 ${ms(f.limiter.getItemP99Ms)} ms.`,
    '',
  ].join('\n');
}
