/**
 * Starts and stops an offline cloud as a child process (`tsx infra/local/start.ts`), the way a
 * developer runs `npm start`. The global setup uses it for the shared cloud; a test can use it for
 * its own cloud on its own data dir, e.g. to stop and start again on the same data.
 *
 * The child's output goes to log files, not pipes: a pipe nobody drains would block the cloud once
 * it fills, and the files are there to read when something fails.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findReadyInfo, type ReadyInfo } from '../../../infra/local/ready-line';

export type { ReadyInfo };

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const TEMP_PREFIX = 'motcua-cloud-';

/** The shared cloud's READY info (endpoints, table, tenant …), as the global setup published it. */
export function sharedCloud(): ReadyInfo {
  const raw = process.env.MOTCUA_CLOUD;
  if (!raw) throw new Error('MOTCUA_CLOUD is not set: run through jest --selectProjects integration');
  return JSON.parse(raw) as ReadyInfo;
}

export interface StartCloudOptions {
  /** Reuse a data dir (restart tests); default: a fresh temp dir. */
  dataDir?: string;
  /** Extra environment for the child, e.g. a fixed PORT. Ports default to 0 (any free port). */
  env?: Record<string, string>;
  /** Default 60 s. */
  timeoutMs?: number;
}

export interface CloudHandle {
  /** Process id of the child, which also leads its own process group. */
  pid: number;
  dataDir: string;
  /** stdout and stderr of the child, appended across restarts on the same data dir. */
  logFiles: { stdout: string; stderr: string };
  info: ReadyInfo;
  baseUrl: string;
  tokens: Record<string, string>;
}

/**
 * Fair-share limits of the clouds tests and the bench start: every request of a run comes from one
 * address and mostly one tenant, far faster than any province's staff (the bench drives hundreds a
 * second), so the defaults would refuse them. Wide enough never to bind; the fair-share test and
 * the bench's fair-share phase start clouds with small limits of their own (`env`).
 */
export const WIDE_FAIR_SHARE_LIMITS = JSON.stringify(
  Object.fromEntries(
    ['trial', 'standard', 'enterprise', 'publicClient'].map((name) => [
      name,
      // A bucket of 10 s at that rate: a request its event loop delays cannot meet a TAT beyond it.
      { ratePerSecond: 100_000, burst: 1_000_000 },
    ]),
  ),
);

export async function startCloudProcess(options: StartCloudOptions = {}): Promise<CloudHandle> {
  const dataDir =
    options.dataDir ?? path.join(await mkdtemp(path.join(os.tmpdir(), 'motcua-cloud-')), 'data');
  const logFiles = { stdout: `${dataDir}.stdout.log`, stderr: `${dataDir}.stderr.log` };
  const stdoutFd = openSync(logFiles.stdout, 'a');
  const stderrFd = openSync(logFiles.stderr, 'a');
  const startOffset = (await readText(logFiles.stdout)).length;
  const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['infra/local/start.ts'], {
    cwd: REPO_ROOT,
    // Its own process group, so stopping it can reach every descendant (tsx's node, the JVM).
    detached: true,
    stdio: ['ignore', stdoutFd, stderrFd],
    env: {
      ...process.env,
      // The project's Node 22 first: the cloud needs it (require of ES modules, Step Functions).
      PATH: `${path.join(REPO_ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      MOTCUA_DATA_DIR: dataDir,
      PORT: '0',
      DYNAMODB_PORT: '0',
      S3_PORT: '0',
      SFN_PORT: '0',
      SQS_PORT: '0',
      MOTCUA_QUIET: 'true',
      FAIR_SHARE_LIMITS: WIDE_FAIR_SHARE_LIMITS,
      ...options.env,
    },
  });
  closeSync(stdoutFd);
  closeSync(stderrFd);
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn the offline cloud');
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = signal ? `signal ${signal}` : `code ${String(code)}`;
  });

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const output = (await readText(logFiles.stdout)).slice(startOffset);
    const info = findReadyInfo(output);
    if (info) {
      return { pid, dataDir, logFiles, info, baseUrl: info.baseUrl, tokens: info.tokens };
    }
    if (exited || Date.now() > deadline) {
      const reason = exited ? `exited (${exited})` : `was not ready within ${options.timeoutMs ?? 60_000} ms`;
      if (!exited) await killGroup(pid, 5_000);
      const stderr = await readText(logFiles.stderr);
      // Forwarded so the reason shows in the test output, not only in a temp file.
      process.stderr.write(
        `\n--- offline cloud stderr (${logFiles.stderr}) ---\n${stderr.slice(-8000)}\n---\n`,
      );
      throw new Error(`The offline cloud ${reason}; stdout tail:\n${output.slice(-2000)}`);
    }
    await sleep(100);
  }
}

export interface StopCloudOptions {
  /** How long the cloud gets to stop by itself before its whole process group is SIGKILLed. Default 5 s. */
  graceMs?: number;
  /** Also delete the temp folder startCloudProcess made for the data dir and its logs. */
  removeData?: boolean;
}

/** SIGTERM (the cloud stops its children and exits), then SIGKILL to the whole group after the grace time. */
export async function stopCloudProcess(
  handle: Pick<CloudHandle, 'pid'> & Partial<Pick<CloudHandle, 'dataDir'>>,
  options: StopCloudOptions = {},
): Promise<void> {
  await killGroup(handle.pid, options.graceMs ?? 5_000);
  if (options.removeData && handle.dataDir) await removeCloudFolder(handle.dataDir);
}

/**
 * Kills the cloud the way a power cut or `kill -9` would: SIGKILL to its whole process group (tsx,
 * the node process, the JVM, the watchdog), no handler runs. Resolves once every process is gone.
 */
export async function killCloudProcess(handle: Pick<CloudHandle, 'pid'>): Promise<void> {
  signal(-handle.pid, 'SIGKILL');
  if (!(await groupGone(handle.pid, 5_000)))
    throw new Error(`processes of group ${handle.pid} survived SIGKILL`);
}

/**
 * Deletes the temp folder around a data dir made by startCloudProcess (and only such a folder:
 * a data dir the caller chose is left alone).
 */
export async function removeCloudFolder(dataDir: string): Promise<void> {
  const folder = path.dirname(dataDir);
  if (path.basename(folder).startsWith(TEMP_PREFIX) && path.dirname(folder) === os.tmpdir()) {
    await rm(folder, { recursive: true, force: true });
  }
}

async function killGroup(pid: number, graceMs: number): Promise<void> {
  // tsx relays SIGTERM to the node process that runs the cloud, which stops the JVM and s3rver.
  signal(pid, 'SIGTERM');
  if (await groupGone(pid, graceMs)) return;
  signal(-pid, 'SIGKILL');
  if (!(await groupGone(pid, 5_000))) throw new Error(`processes of group ${pid} survived SIGKILL`);
}

async function groupGone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (groupAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

function signal(target: number, name: NodeJS.Signals | 0): boolean {
  try {
    process.kill(target, name);
    return true;
  } catch {
    return false;
  }
}

/** Signal 0 to the negative pid asks whether any process of the group is left. */
const groupAlive = (pid: number): boolean => signal(-pid, 0);

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}
