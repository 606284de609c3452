/**
 * `npm run bench`: bundle sizes and cold imports of every function, submit and track under load on
 * the offline cloud next to the raw DynamoDB calls they make, and the calendar micro-benchmark.
 * Prints the results as Markdown and writes them to bench/results.md. Method: docs/bench.md.
 *
 * Order matters on a 2-core machine: cold imports and the calendar run while no cloud is up, so
 * nothing else competes for the CPU; the cloud lives only for the load phase, and is stopped
 * (JVM included) on every way out: success, error, Ctrl-C.
 *
 * Knobs for a quick look (defaults in brackets): BENCH_COLD_RUNS [7], BENCH_CONNECTIONS [10],
 * BENCH_DURATION_SEC [10], BENCH_WARMUP_SEC [2], BENCH_TRACK_POOL [50], BENCH_REPORT_DOSSIERS [200];
 * One phase alone: BENCH_ONLY=reports (bench/report-scale.ts), BENCH_ONLY=cost (bench/cost.ts,
 * written to bench/cost-results.md), BENCH_ONLY=fair-share (bench/fair-share.ts, printed),
 * BENCH_ONLY=seal (bench/seal.ts, printed), BENCH_ONLY=bundles (bundle sizes and cold imports, printed),
 * BENCH_ONLY=warm (the warm track path, BENCH_WARM_ROUNDS rounds, bench/warm-track.ts, printed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startCloudProcess, stopCloudProcess, type CloudHandle } from '../tests/integration/helpers/offline';
import {
  BARE_FUNCTION,
  INGREDIENTS,
  NODE22,
  REPO_ROOT,
  buildBundles,
  checkSameAsSingleBuild,
  deployedFunctions,
  measureColdImports,
} from './bundles';
import { runCalendarBench } from './calendar.bench';
import { LOAD_FAIR_SHARE_LIMITS, LOCAL_CREDENTIALS, LOCAL_REGION, traceUseCases } from './call-trace';
import { httpLoad, mergeResults, rawLoad, type HttpLoad, type LoadOptions, type LoadResult } from './load';
import { rawBusCosts } from './raw-bus';
import { webhookDeliveryFigures } from './webhook-delivery';
import { reportScaleFigures, runReportScaleAlone } from './report-scale';
import { costFigures, renderCost } from './cost';
import { QUEUES } from '../shared/api/queues';
import { fairShareFigures, renderFairShare } from './fair-share';
import { renderSeal, sealFigures } from './seal';
import { renderScoped, scopedFigures } from './scoped';
import { renderWarmTrack, warmTrackFigures } from './warm-track';
import { CallTimer, SUBMIT_PLAN, TRACK_PLAN, describeCalls, rawSubmit, rawTrack } from './raw-dynamodb';
import {
  bundleSection,
  renderReport,
  type BenchReport,
  type FunctionFigures,
  type LoadScenario,
  type Machine,
} from './report';
import {
  LAND_TRANSFER,
  SUBMITTER,
  SUBMIT_PATH,
  checkTrack,
  submitDossiers,
  submitHeaders,
  trackPath,
} from './workload';

const settings = {
  coldRuns: intEnv('BENCH_COLD_RUNS', 7),
  connections: intEnv('BENCH_CONNECTIONS', 10),
  durationSec: intEnv('BENCH_DURATION_SEC', 10),
  warmupSec: intEnv('BENCH_WARMUP_SEC', 2),
  trackPool: intEnv('BENCH_TRACK_POOL', 50),
};
/** The function whose bundle the report breaks down by package: the one with the most to do. */
const ANATOMY_OF = 'submitDossier';
const RESULTS_FILE = path.join(REPO_ROOT, 'bench', 'results.md');
/** BENCH_ONLY=cost writes its section alone here (the full run puts it at the end of results.md). */
const COST_RESULTS_FILE = path.join(REPO_ROOT, 'bench', 'cost-results.md');

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    memoryGb: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    benchNode: process.version,
    lambdaNode: execFileSync(NODE22, ['--version'], { encoding: 'utf8' }).trim(),
    loadStart: os.loadavg()[0]!,
  };
}

interface BundleFigures {
  functions: FunctionFigures[];
  ingredients: FunctionFigures[];
  bare: FunctionFigures;
}

async function bundlesAndColdImports(tmp: string): Promise<BundleFigures> {
  const deployed = deployedFunctions();
  const fns = [...deployed, ...INGREDIENTS, BARE_FUNCTION];
  progress(`bundling ${deployed.length} functions, ${INGREDIENTS.length} ingredients and the bare handler…`);
  const bundles = await buildBundles(fns, path.join(tmp, 'bundles'));
  const anatomy = bundles.find((b) => b.id === ANATOMY_OF) ?? bundles[0]!;
  await checkSameAsSingleBuild(anatomy, path.join(tmp, 'bundles'));
  progress(`cold imports: ${settings.coldRuns} fresh Node 22 processes per bundle…`);
  const cold = await measureColdImports(bundles, settings.coldRuns);
  const figures = bundles.map((bundle) => ({ bundle, cold: cold.get(bundle.id)! }));
  return {
    functions: figures.slice(0, deployed.length),
    ingredients: figures.slice(deployed.length, -1),
    bare: figures.at(-1)!,
  };
}

type Runner = (options: LoadOptions) => Promise<LoadResult>;

/**
 * Ours and raw, each warmed up, then measured in halves in the order ours, raw, raw, ours (ABBA):
 * whatever drifts during the run (the table grows, other work starts on the machine) weighs on
 * both sides alike instead of on whichever ran second. `beforeMeasuring` resets call timings.
 */
async function compare(ours: Runner, raw: Runner, beforeMeasuring: () => void) {
  const { connections, warmupSec, durationSec } = settings;
  await ours({ connections, durationSec: warmupSec });
  await raw({ connections, durationSec: warmupSec });
  beforeMeasuring();
  const half = { connections, durationSec: durationSec / 2 };
  const ours1 = await ours(half);
  const raw1 = await raw(half);
  const raw2 = await raw(half);
  const ours2 = await ours(half);
  return { ours: mergeResults(ours1, ours2), raw: mergeResults(raw1, raw2) };
}

async function loadScenarios(cloud: CloudHandle): Promise<LoadScenario[]> {
  const { info } = cloud;
  const token = info.tokens[SUBMITTER];
  if (!token) throw new Error(`the cloud issued no token for ${SUBMITTER}`);
  progress('tracing the DynamoDB calls of submit and track…');
  const traces = await traceUseCases(info, SUBMITTER, LAND_TRANSFER);
  progress(`submitting ${settings.trackPool} dossiers for track to read…`);
  const codes = await submitDossiers(info.baseUrl, token, settings.trackPool);
  await checkTrack(info.baseUrl, info.tenant, codes[0]!);

  const client = new DynamoDBClient({
    endpoint: info.endpoints.dynamodb,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const seconds = `2 × (${settings.warmupSec} s warm-up + ${settings.durationSec} s)`;
  try {
    progress(`submit over HTTP and raw, ${seconds}…`);
    const submitTimer = new CallTimer();
    const submitHttp: HttpLoad = {
      url: `${info.baseUrl}${SUBMIT_PATH}`,
      method: 'POST',
      headers: submitHeaders(token),
      body: JSON.stringify(LAND_TRANSFER),
    };
    const rawSubmitOnce = rawSubmit(client, traces, submitTimer);
    const submit = await compare(
      (o) => httpLoad(submitHttp, o),
      (o) => rawLoad(rawSubmitOnce, o),
      () => submitTimer.reset(),
    );

    progress(`track over HTTP and raw, ${seconds}…`);
    const trackTimer = new CallTimer();
    const paths = codes.map((code) => trackPath(info.tenant, code));
    const trackHttp: HttpLoad = { url: `${info.baseUrl}${paths[0]}`, method: 'GET', paths };
    const rawTrackOnce = rawTrack(client, traces, codes, trackTimer);
    const track = await compare(
      (o) => httpLoad(trackHttp, o),
      (o) => rawLoad(rawTrackOnce, o),
      () => trackTimer.reset(),
    );
    return [
      {
        name: 'submit',
        request: `POST ${SUBMIT_PATH}`,
        ...submit,
        calls: describeCalls(SUBMIT_PLAN, traces.submit, traces.dossierCode, submitTimer),
      },
      {
        name: 'track',
        request: 'GET /v1/public/{tenant}/dossiers/{code}',
        ...track,
        calls: describeCalls(TRACK_PLAN, traces.track, traces.dossierCode, trackTimer),
      },
    ];
  } finally {
    client.destroy();
  }
}

async function main(): Promise<void> {
  if (Number(process.versions.node.split('.')[0]) < 22) {
    throw new Error(`the bench needs Node 22 (this is ${process.version}): run it with npm run bench`);
  }
  // BENCH_ONLY=reports: the report-scale phase alone, printed, bench/results.md left as it is.
  if (process.env.BENCH_ONLY === 'reports') return void (await runReportScaleAlone());
  // BENCH_ONLY=seal: the cost of sealing personal data (bench/seal.ts), printed, no cloud.
  if (process.env.BENCH_ONLY === 'seal')
    return void process.stdout.write(`\n${renderSeal(await sealFigures())}`);
  // BENCH_ONLY=scoped: the cost of tenant-scoped credentials (bench/scoped.ts), printed, no cloud.
  if (process.env.BENCH_ONLY === 'scoped')
    return void process.stdout.write(`\n${renderScoped(await scopedFigures())}`);
  // BENCH_ONLY=warm: the warm track path alone, several rounds (bench/warm-track.ts), printed.
  if (process.env.BENCH_ONLY === 'warm') {
    const rounds = intEnv('BENCH_WARM_ROUNDS', 3);
    const figures = await warmTrackFigures({ ...settings, rounds }, progress);
    return void process.stdout.write(`\n${renderWarmTrack(figures)}`);
  }
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const host = machine();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'motcua-bench-'));
  let cloud: CloudHandle | undefined;
  const cleanUp = async () => {
    const running = cloud;
    cloud = undefined;
    if (running) await stopCloudProcess(running, { removeData: true });
    await rm(tmp, { recursive: true, force: true });
  };
  // The cloud runs in its own process group, so Ctrl-C does not reach it: stop it here. A
  // listener stays installed after the first signal: Ctrl-C reaches this process twice (from the
  // terminal and relayed by tsx), and without one the second would kill it mid-cleanup.
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      progress(`${signal}: stopping the offline cloud…`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  try {
    // BENCH_ONLY=cost: only the cost model's phase (issue 10 §4), on a cloud of its own.
    if (process.env.BENCH_ONLY === 'cost') {
      progress('starting the offline cloud for the cost model…');
      cloud = await startCloudProcess({ timeoutMs: 90_000 });
      progress('cost model: one dossier life per procedure, metered…');
      const cost = await costFigures(cloud, Object.keys(QUEUES).length);
      const section = `# Cost model\n\n\`BENCH_ONLY=cost npm run bench\` — ${startedAt}.\n\n${renderCost(cost)}`;
      process.stdout.write(`\n${section}`);
      await writeFile(COST_RESULTS_FILE, section);
      progress(`written to ${path.relative(REPO_ROOT, COST_RESULTS_FILE)}`);
      return;
    }
    // BENCH_ONLY=fair-share: only that phase (its own cloud), printed, results.md left as it is.
    if (process.env.BENCH_ONLY === 'fair-share') {
      process.stdout.write(`\n${renderFairShare(await fairShareFigures(settings.durationSec, progress))}`);
      return;
    }
    // BENCH_ONLY=bundles: bundle sizes and cold imports alone, printed, no cloud.
    if (process.env.BENCH_ONLY === 'bundles') {
      const figures = await bundlesAndColdImports(tmp);
      const section = bundleSection({ ...figures, anatomyOf: ANATOMY_OF, coldRuns: settings.coldRuns });
      return void process.stdout.write(`\n${section}\n`);
    }
    const { functions, ingredients, bare } = await bundlesAndColdImports(tmp);
    progress('starting the offline cloud on a temp data dir…');
    cloud = await startCloudProcess({
      timeoutMs: 90_000,
      env: { FAIR_SHARE_LIMITS: LOAD_FAIR_SHARE_LIMITS },
    });
    progress(
      `cloud ${cloud.baseUrl} (pid ${cloud.pid}, data ${cloud.dataDir}, DynamoDB ${cloud.info.endpoints.dynamodb})`,
    );
    const scenarios = await loadScenarios(cloud);
    progress('event bus raw calls: GetRecords and SendMessageBatch…');
    const bus = await rawBusCosts(cloud.info);
    progress('webhook delivery: latency, throughput, drain, raw POST…');
    const webhooks = await webhookDeliveryFigures(cloud.info);
    progress('report latency at N and 10 × N dossiers…');
    const reportScale = await reportScaleFigures(cloud.info);
    progress('cost model: one dossier life per procedure, metered…');
    const cost = await costFigures(cloud, Object.keys(QUEUES).length);
    progress('stopping the offline cloud…');
    await cleanUp();
    const fairShare = await fairShareFigures(settings.durationSec, progress);
    progress('calendar micro-benchmark…');
    const calendar = await runCalendarBench();

    const report: BenchReport = {
      startedAt,
      command: 'npm run bench',
      totalSec: (performance.now() - started) / 1000,
      machine: { ...host, loadEnd: os.loadavg()[0] },
      coldRuns: settings.coldRuns,
      functions,
      ingredients,
      bare,
      anatomyOf: ANATOMY_OF,
      load: {
        connections: settings.connections,
        durationSec: settings.durationSec,
        warmupSec: settings.warmupSec,
        trackPool: settings.trackPool,
      },
      scenarios,
      calendar,
      bus,
      webhooks,
      reportScale,
      fairShare,
    };
    const markdown = `${renderReport(report)}\n${renderCost(cost)}`;
    process.stdout.write(`\n${markdown}`);
    await writeFile(RESULTS_FILE, markdown);
    progress(`written to ${path.relative(REPO_ROOT, RESULTS_FILE)}`);
    if (scenarios.some((s) => s.ours.failed || s.raw.failed)) {
      progress('some requests failed: the load figures above are not valid');
      process.exitCode = 1;
    }
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
