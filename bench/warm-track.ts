/**
 * `BENCH_ONLY=warm npm run bench`: the warm track path alone (issue 14 §4: track p99 within 1.2× of
 * the raw DynamoDB calls it needs), measured several times in one run so the spread shows, on a
 * cloud of its own. Printed, bench/results.md left as it is.
 *
 * Per round: the load average, track over HTTP and its raw calls (ABBA halves as in run.ts), their
 * ratios, and the CPU the cloud's Node processes spent per tracked dossier (gateway, handler, SDK,
 * and the cloud's own pollers; DynamoDB Local's JVM excluded). Before the rounds, the calls one warm
 * track makes, counted by the cloud's meter (infra/local/meter.ts) over sequential requests: every
 * DynamoDB call, S3 request and AssumeRole the functions sent, not only the use case's.
 *
 * Knobs: BENCH_WARM_ROUNDS [3], BENCH_CONNECTIONS [10], BENCH_DURATION_SEC [10] (per side and
 * round), BENCH_WARMUP_SEC [2], BENCH_TRACK_POOL [50]; BENCH_CLOUD_CPU_PROF=<dir> starts the cloud
 * with `--cpu-prof` (a .cpuprofile per Node process of the cloud, written when it stops).
 */
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startCloudProcess, stopCloudProcess, type CloudHandle } from '../tests/integration/helpers/offline';
import { ENV } from '../shared/platform/env';
import { LOAD_FAIR_SHARE_LIMITS, LOCAL_CREDENTIALS, LOCAL_REGION, traceUseCases } from './call-trace';
import { httpLoad, mergeResults, rawLoad, type LoadOptions, type LoadResult } from './load';
import { CallTimer, TRACK_PLAN, describeCalls, rawBucketConditionFailures, rawTrack } from './raw-dynamodb';
import { table } from './report';
import { LAND_TRANSFER, SUBMITTER, checkTrack, submitDossiers, trackPath } from './workload';

export interface WarmSettings {
  rounds: number;
  connections: number;
  durationSec: number;
  warmupSec: number;
  trackPool: number;
}

export interface WarmRound {
  loadAverage: [number, number, number];
  ours: LoadResult;
  raw: LoadResult;
  /** CPU ms of the cloud's Node processes per successful HTTP track, during the HTTP halves. */
  cloudCpuMsPerRequest: number;
  /** DynamoDB calls per successful HTTP track during the HTTP halves (the meter), by operation. */
  callsUnderLoad: Record<string, number>;
  /** Raw bucket writes refused by their condition in this round (counted as done). */
  rawConditionFailures: number;
}

export interface WarmFigures {
  settings: WarmSettings;
  /** Per warm track request, from the cloud's meter: operation → calls. */
  callsPerRequest: Record<string, number>;
  /** The raw replay's calls, described, with each call's p50 in the last round. */
  rawCalls: string[];
  rounds: WarmRound[];
}

const CLK_TCK = 100;

/** utime + stime (ms) of the processes of the cloud's group, DynamoDB Local's JVM excluded. */
function cloudCpuMs(groupId: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is state (field 3); pgrp is field 5, utime 14, stime 15.
    if (Number(fields[2]) !== groupId || comm === 'java') continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / CLK_TCK;
}

async function meterSnapshot(baseUrl: string, method: 'GET' | 'DELETE') {
  const res = await fetch(`${baseUrl}/_local/meter`, { method });
  if (!res.ok) throw new Error(`${method} /_local/meter answered ${res.status}`);
  return (await res.json()) as {
    dynamodb: { calls: Record<string, number> };
    s3: { requests: Record<string, number> };
    sqs: Record<string, number>;
    stepFunctions: { calls: Record<string, number> };
  };
}

/** Sequential warm tracks, counted by the meter (background pollers may add their own calls). */
async function callsPerTrack(cloud: CloudHandle, codes: readonly string[], n: number) {
  const { baseUrl, info } = cloud;
  const track = async (i: number) => {
    const res = await fetch(`${baseUrl}${trackPath(info.tenant, codes[i % codes.length]!)}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`track answered ${res.status}`);
  };
  for (let i = 0; i < 10; i++) await track(i);
  await meterSnapshot(baseUrl, 'DELETE');
  for (let i = 0; i < n; i++) await track(i);
  const m = await meterSnapshot(baseUrl, 'GET');
  const per: Record<string, number> = {};
  const add = (prefix: string, counts: Record<string, number>) => {
    for (const [op, count] of Object.entries(counts)) per[`${prefix}${op}`] = count / n;
  };
  add('DynamoDB ', m.dynamodb.calls);
  add('S3 ', m.s3.requests);
  add('SQS ', m.sqs);
  add('Step Functions ', m.stepFunctions.calls);
  return per;
}

export async function warmTrackFigures(
  settings: WarmSettings,
  progress: (message: string) => void,
): Promise<WarmFigures> {
  const profileDir = process.env.BENCH_CLOUD_CPU_PROF;
  progress('starting the offline cloud for the warm track phase…');
  const cloud = await startCloudProcess({
    timeoutMs: 90_000,
    env: {
      [ENV.fairShareLimits]: LOAD_FAIR_SHARE_LIMITS,
      ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
    },
  });
  const client = new DynamoDBClient({
    endpoint: cloud.info.endpoints.dynamodb,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    const { info } = cloud;
    const token = info.tokens[SUBMITTER];
    if (!token) throw new Error(`the cloud issued no token for ${SUBMITTER}`);
    progress('tracing the DynamoDB calls of track…');
    const traces = await traceUseCases(info, SUBMITTER, LAND_TRANSFER);
    progress(`submitting ${settings.trackPool} dossiers for track to read…`);
    const codes = await submitDossiers(info.baseUrl, token, settings.trackPool);
    await checkTrack(info.baseUrl, info.tenant, codes[0]!);
    progress('counting the calls of one warm track with the meter…');
    const callsPerRequest = await callsPerTrack(cloud, codes, 100);

    const paths = codes.map((code) => trackPath(info.tenant, code));
    const timer = new CallTimer();
    const rawOnce = rawTrack(client, traces, codes, timer);
    let cpuMs = 0;
    let calls: Record<string, number> = {};
    const ours = async (o: LoadOptions) => {
      const before = cloudCpuMs(cloud.pid);
      await meterSnapshot(info.baseUrl, 'DELETE');
      const result = await httpLoad({ url: `${info.baseUrl}${paths[0]}`, method: 'GET', paths }, o);
      const { dynamodb } = await meterSnapshot(info.baseUrl, 'GET');
      cpuMs += cloudCpuMs(cloud.pid) - before;
      for (const [op, n] of Object.entries(dynamodb.calls)) calls[op] = (calls[op] ?? 0) + n;
      return result;
    };
    const raw = (o: LoadOptions) => rawLoad(rawOnce, o);
    const { connections, warmupSec, durationSec } = settings;
    progress(`warm-up, ${warmupSec} s each side…`);
    await ours({ connections, durationSec: warmupSec });
    await raw({ connections, durationSec: warmupSec });
    const rounds: WarmRound[] = [];
    for (let round = 1; round <= settings.rounds; round++) {
      const loadAverage = os.loadavg() as [number, number, number];
      progress(`round ${round}/${settings.rounds} (load average ${loadAverage[0].toFixed(2)})…`);
      timer.reset();
      cpuMs = 0;
      calls = {};
      const failuresBefore = rawBucketConditionFailures();
      const half = { connections, durationSec: durationSec / 2 };
      const ours1 = await ours(half);
      const raw1 = await raw(half);
      const raw2 = await raw(half);
      const ours2 = await ours(half);
      const merged = { ours: mergeResults(ours1, ours2), raw: mergeResults(raw1, raw2) };
      const served = Math.max(1, merged.ours.ok + merged.ours.failed);
      rounds.push({
        loadAverage,
        ...merged,
        cloudCpuMsPerRequest: cpuMs / served,
        callsUnderLoad: Object.fromEntries(Object.entries(calls).map(([op, n]) => [op, n / served])),
        rawConditionFailures: rawBucketConditionFailures() - failuresBefore,
      });
    }
    const rawCalls = describeCalls(TRACK_PLAN, traces.track, traces.dossierCode, timer);
    return { settings, callsPerRequest, rawCalls, rounds };
  } finally {
    client.destroy();
    progress('stopping the offline cloud…');
    await stopCloudProcess(cloud, { removeData: true });
  }
}

const times = (x: number) => `${x.toFixed(2)}×`;
const ms = (x: number) => x.toFixed(1);

export function renderWarmTrack(f: WarmFigures): string {
  const rows = f.rounds.map((r, i) => [
    String(i + 1),
    r.loadAverage.map((l) => l.toFixed(2)).join(' '),
    `${r.ours.throughput.toFixed(0)} / ${r.raw.throughput.toFixed(0)}`,
    `${ms(r.ours.p50Ms)} / ${ms(r.raw.p50Ms)}`,
    `${ms(r.ours.p99Ms)} / ${ms(r.raw.p99Ms)}`,
    times(r.ours.p50Ms / r.raw.p50Ms),
    times(r.ours.p99Ms / r.raw.p99Ms),
    r.cloudCpuMsPerRequest.toFixed(2),
    String(r.ours.failed + r.raw.failed),
  ]);
  const ratios = f.rounds.map((r) => r.ours.p99Ms / r.raw.p99Ms).sort((a, b) => a - b);
  const { connections, durationSec, warmupSec, trackPool } = f.settings;
  return [
    '## Warm track: ours vs the raw DynamoDB calls it needs (BENCH_ONLY=warm)',
    '',
    `${connections} connections, closed loop, ${durationSec} s per side and round in ABBA halves after one ${warmupSec} s warm-up per side, ${trackPool} dossiers cycled. Load average (1, 5, 15 min) at the start of each round.`,
    '',
    table(
      [
        'round',
        'load avg',
        'req/s ours / raw',
        'p50 ms ours / raw',
        'p99 ms ours / raw',
        'p50 ×',
        'p99 ×',
        'cloud CPU ms/req',
        'failed',
      ],
      rows,
      ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    `p99 ratio over ${ratios.length} rounds: min ${times(ratios[0] ?? NaN)}, max ${times(ratios.at(-1) ?? NaN)}.`,
    '',
    'DynamoDB calls per HTTP track during the load (the meter; background pollers included), and raw bucket writes refused by their condition (answered, counted as done):',
    '',
    ...f.rounds.map(
      (r, i) =>
        `- round ${i + 1}: ${Object.entries(r.callsUnderLoad)
          .map(([op, n]) => `${op} ${n.toFixed(2)}`)
          .join(', ')}; raw condition failures ${r.rawConditionFailures} of ${r.raw.ok}`,
    ),
    '',
    'Calls of one warm track over HTTP (the meter, 100 sequential requests):',
    '',
    ...Object.entries(f.callsPerRequest).map(([op, n]) => `- ${op}: ${n.toFixed(2)}`),
    '',
    'The raw replay, with each call’s p50 in the last round (∥ = issued together):',
    '',
    ...f.rawCalls.map((c, i) => `${i + 1}. ${c}`),
    '',
  ].join('\n');
}
