/**
 * `npm start`: runs the offline cloud on fixed ports (or as told by the environment), prints how
 * to call it, and a final `MOTCUA_READY {json}` line that scripts and the test harness parse.
 * Ctrl-C or SIGTERM stops every child (the DynamoDB Local JVM included) and exits 0.
 */
import path from 'node:path';
import { DEFAULT_PORTS, REPO_ROOT, startOfflineCloud, type OfflineCloud } from './cloud';
import { portFromEnv } from './ports';
import { readyLine, type ReadyInfo } from './ready-line';

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.MOTCUA_DATA_DIR || path.join(REPO_ROOT, '.data'));
  const state: { cloud?: OfflineCloud; stopping?: boolean } = {};
  const stop = async (signal: NodeJS.Signals) => {
    if (state.stopping) return;
    state.stopping = true;
    // Before the cloud is up there is nothing orderly to stop; exiting runs the JVM safety net.
    if (!state.cloud) process.exit(0);
    process.stdout.write(`\n${signal}: stopping the offline cloud…\n`);
    await state.cloud.stop();
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  // In AWS a stray rejection ends one function's container; here it would end every function and
  // the emulators with them, so it is reported and the cloud keeps serving.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(
      `[offline cloud] unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`,
    );
  });

  const cloud = await startOfflineCloud({
    dataDir,
    port: portFromEnv('PORT', DEFAULT_PORTS.api),
    dynamoPort: portFromEnv('DYNAMODB_PORT', DEFAULT_PORTS.dynamodb),
    s3Port: portFromEnv('S3_PORT', DEFAULT_PORTS.s3),
    sfnPort: portFromEnv('SFN_PORT', DEFAULT_PORTS.sfn),
    sqsPort: portFromEnv('SQS_PORT', DEFAULT_PORTS.sqs),
    quiet: process.env.MOTCUA_QUIET === 'true',
    clock: initialClockFromEnv(),
    // Test knobs (docs/offline.md): compress SQS back-off, leave named queue consumers unpolled.
    sqsMaxDelayMs: process.env.MOTCUA_LOCAL_SQS_MAX_DELAY_MS
      ? Number(process.env.MOTCUA_LOCAL_SQS_MAX_DELAY_MS)
      : undefined,
    pausedQueueConsumers: (process.env.MOTCUA_LOCAL_PAUSED_CONSUMERS ?? '').split(',').filter(Boolean),
  });
  state.cloud = cloud;
  printBanner(cloud, dataDir);
}

/**
 * MOTCUA_CLOCK_NOW (an ISO 8601 instant) and MOTCUA_CLOCK_FROZEN=true set the test clock at start,
 * as POST /_local/clock would, but before any execution left open by the last stop runs again: a
 * restart "later" is how a test makes deadlines pass while the cloud was down.
 */
function initialClockFromEnv(): { now: Date; frozen: boolean } | undefined {
  const raw = process.env.MOTCUA_CLOCK_NOW;
  const frozen = process.env.MOTCUA_CLOCK_FROZEN === 'true';
  if (raw === undefined || raw === '') {
    if (frozen) throw new Error('MOTCUA_CLOCK_FROZEN=true needs MOTCUA_CLOCK_NOW (the instant to freeze at)');
    return undefined;
  }
  const now = new Date(raw);
  if (Number.isNaN(now.getTime())) throw new Error(`MOTCUA_CLOCK_NOW is not an ISO 8601 instant: ${raw}`);
  return { now, frozen };
}

function printBanner(cloud: OfflineCloud, dataDir: string): void {
  const seconds = process.uptime().toFixed(1);
  const envName = (username: string) => `TOKEN_${username.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  const staff = Object.keys(cloud.tokens).find((u) => u !== 'citizen') ?? 'citizen';
  const lines = [
    '',
    `Một cửa offline cloud ready in ${seconds} s (${Object.entries(cloud.timings)
      .map(([k, ms]) => `${k} ${ms} ms`)
      .join(', ')})`,
    `  API        ${cloud.baseUrl}`,
    `  DynamoDB   ${cloud.endpoints.dynamodb}  (table ${cloud.tableName})`,
    `  S3         ${cloud.endpoints.s3}  (bucket ${cloud.bucketName})`,
    `  Step Fns   ${cloud.endpoints.sfn}  (${Object.keys(cloud.stateMachines).join(', ')}; ${cloud.resumedExecutions} open execution(s) resumed)`,
    `  SQS        ${cloud.endpoints.sqs}  (${Object.keys(cloud.queues).join(', ')})`,
    `  Tenant     ${cloud.tenant}`,
    `  Data dir   ${dataDir}`,
    `  Local-only ${cloud.baseUrl}/_local/{tokens,jwks.json,clock,health}`,
    '',
    'Demo tokens (12 h; paste into your shell):',
    ...Object.entries(cloud.tokens).map(([username, token]) => `export ${envName(username)}=${token}`),
    '',
    'Try:',
    `  curl ${cloud.baseUrl}/v1/public/${cloud.tenant}/procedures`,
    `  curl -H "Authorization: Bearer $${envName(staff)}" ${cloud.baseUrl}/v1/dossiers/<code>`,
    `  curl -X POST ${cloud.baseUrl}/_local/tokens -H 'content-type: application/json' -d '{"citizen":{"id":"001099000001","name":"Trần Thị Bình"}}'`,
    '',
  ];
  const ready: ReadyInfo = {
    baseUrl: cloud.baseUrl,
    tokens: cloud.tokens,
    ports: cloud.ports,
    endpoints: cloud.endpoints,
    stateMachines: cloud.stateMachines,
    queues: cloud.queues,
    tableName: cloud.tableName,
    bucketName: cloud.bucketName,
    tenant: cloud.tenant,
    dataDir,
    pid: process.pid,
  };
  // The READY line comes last and on one line, so a reader can stop at it.
  process.stdout.write(`${lines.join('\n')}\n${readyLine(ready)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The offline cloud did not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
