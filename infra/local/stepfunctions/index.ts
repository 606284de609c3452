/**
 * The offline Step Functions, assembled: the state machines (from the same ASL files CDK deploys),
 * their runners, the executions on disk and the HTTP endpoint the SDK calls. Open executions are
 * NOT resumed here: the cloud does that once the handlers' environment and the test clock are set.
 */
import path from 'node:path';
import type { HandlerLoader } from '../handler-loader';
import { createExecutionStore } from './execution-store';
import { createLimiter } from './limiter';
import { loadLocalStateMachines } from './machines';
import { createRunner, type Runner } from './runner';
import { startSfnServer } from './server';
import { createStepFunctionsService, type StepFunctionsService } from './service';

export { DEADLINE_CLOCK_MACHINE_NAME, LOCAL_MACHINE_NAMES } from './machines';

export interface LocalStepFunctionsOptions {
  repoRoot: string;
  /** Executions are kept in `<dataDir>/stepfunctions/`. */
  dataDir: string;
  loader: HandlerLoader;
  host: string;
  /** `0` picks a free port. */
  port: number;
  /** Task invocations in flight at once, across executions. Default 4. */
  taskConcurrency?: number;
}

export interface LocalStepFunctions {
  endpoint: string;
  port: number;
  service: StepFunctionsService;
  /** State machine name → ARN. */
  arns: Record<string, string>;
  stop(): Promise<void>;
}

const log = (line: string) => process.stderr.write(`[stepfunctions] ${line}\n`);

export async function startLocalStepFunctions(
  options: LocalStepFunctionsOptions,
): Promise<LocalStepFunctions> {
  const machines = await loadLocalStateMachines(options.repoRoot);
  const limit = createLimiter(options.taskConcurrency ?? 4);
  const runners = new Map<string, Runner>(
    machines.map((m) => [m.arn, createRunner(m, { loader: options.loader, limit, log })]),
  );
  const service = createStepFunctionsService({
    machines,
    runners,
    store: createExecutionStore(path.join(options.dataDir, 'stepfunctions')),
    log,
  });
  const server = await startSfnServer(service, { host: options.host, port: options.port });
  return {
    endpoint: server.endpoint,
    port: server.port,
    service,
    arns: Object.fromEntries(machines.map((m) => [m.name, m.arn])),
    async stop() {
      await server.stop();
      await service.close();
    },
  };
}
