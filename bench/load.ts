/**
 * Closed-loop load: a fixed number of requests in flight for a fixed time, each next one sent as
 * soon as one completes. HTTP goes through autocannon; the raw DynamoDB floor through the same
 * number of async workers in this process. Both keep every latency sample (float ms) and are
 * summarised by the same code (stats.ts), so their p50/p99 compare like for like.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { percentile } from './stats';

export interface LoadOptions {
  connections: number;
  durationSec: number;
}

export interface LoadResult {
  /** Requests that succeeded (2xx, or no error for raw calls). */
  ok: number;
  /** Non-2xx answers plus connection errors and timeouts (raw: thrown errors). */
  failed: number;
  /** Status code → count, to say what failed. */
  statuses: Record<string, number>;
  firstError?: string;
  durationSec: number;
  /** Successful requests per second. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  /** Every successful request's latency (ms), so runs can be merged. */
  latencies: number[];
}

function summarise(
  latencies: number[],
  failed: number,
  durationSec: number,
  statuses: Record<string, number>,
  firstError?: string,
): LoadResult {
  return {
    ok: latencies.length,
    failed,
    statuses,
    firstError,
    durationSec,
    throughput: latencies.length / durationSec,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    latencies,
  };
}

/** Two runs of the same load as one: counts and time add up, percentiles over all samples. */
export function mergeResults(a: LoadResult, b: LoadResult): LoadResult {
  const statuses = { ...a.statuses };
  for (const [status, n] of Object.entries(b.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  return summarise(
    [...a.latencies, ...b.latencies],
    a.failed + b.failed,
    a.durationSec + b.durationSec,
    statuses,
    a.firstError ?? b.firstError,
  );
}

export interface HttpLoad {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** When given, each request takes the next path of the list (round-robin) instead of url's. */
  paths?: readonly string[];
}

export async function httpLoad(target: HttpLoad, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const paths = target.paths;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method,
        headers: target.headers,
        body: target.body,
        connections: options.connections,
        duration: options.durationSec,
        requests: paths
          ? [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }]
          : undefined,
      },
      (error: unknown, done: autocannon.Result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    // autocannon's own histogram rounds to whole milliseconds; these samples do not.
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  const failed = result.non2xx + result.errors;
  if (result.errors > 0) statuses.error = result.errors;
  return summarise(latencies, failed, result.duration, statuses);
}

/** `options.connections` workers, each calling `operation` back to back until the time is up. */
export async function rawLoad(operation: () => Promise<unknown>, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + options.durationSec * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await operation();
        latencies.push(performance.now() - t0);
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const durationSec = (performance.now() - started) / 1000;
  return summarise(
    latencies,
    failed,
    durationSec,
    failed ? { error: failed, ok: latencies.length } : { ok: latencies.length },
    firstError,
  );
}
