/**
 * The offline Step Functions service: the semantics of StartExecution, DescribeExecution,
 * StopExecution and ListExecutions over the local state machines, executions persisted on every
 * change, and the two offline-only moves: `resumeOpen` (at start, run every RUNNING execution
 * again from its start) and `restartRunning` (the test clock moved: abort every running execution
 * and run it again, so its sleeps are computed against the new "now").
 */
import { randomUUID } from 'node:crypto';
import { executionArn, invalidExecutionName, isStateMachineArn, parseExecutionArn } from './arns';
import { SfnError } from './errors';
import type { ExecutionRecord, ExecutionStatus, ExecutionStore } from './execution-store';
import type { LocalStateMachine } from './machines';
import type { ExecutionRun, Runner, RunOutcome } from './runner';

export interface StepFunctionsServiceDeps {
  machines: readonly LocalStateMachine[];
  runners: ReadonlyMap<string, Runner>;
  store: ExecutionStore;
  log(line: string): void;
}

export interface StartExecutionInput {
  stateMachineArn?: string;
  name?: string;
  input?: string;
}

export interface ListExecutionsInput {
  stateMachineArn?: string;
  statusFilter?: string;
  maxResults?: number;
  nextToken?: string;
}

export type StepFunctionsService = ReturnType<typeof createStepFunctionsService>;

const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];
/** Step Functions' limit for an execution's input. */
const MAX_INPUT_BYTES = 256 * 1024;

export function createStepFunctionsService(deps: StepFunctionsServiceDeps) {
  const machinesByArn = new Map(deps.machines.map((m) => [m.arn, m]));
  const executions = new Map<string, ExecutionRecord>();
  /** The run currently in flight for each RUNNING execution (by ARN). */
  const runs = new Map<string, ExecutionRun>();
  let closed = false;

  const machineFor = (arn: string | undefined): LocalStateMachine => {
    if (!arn) throw new SfnError('ValidationException', 'stateMachineArn is required');
    if (!isStateMachineArn(arn)) throw new SfnError('InvalidArn', `Invalid Arn: '${arn}'`);
    const machine = machinesByArn.get(arn);
    if (!machine) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return machine;
  };

  const executionFor = (arn: string | undefined): ExecutionRecord => {
    if (!arn) throw new SfnError('ValidationException', 'executionArn is required');
    if (!parseExecutionArn(arn)) throw new SfnError('InvalidArn', `Invalid Arn: '${arn}'`);
    const record = executions.get(arn);
    if (!record) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  };

  /** Starts (or starts again) the run of a RUNNING execution; its end is persisted, unless replaced. */
  const launch = (record: ExecutionRecord): void => {
    if (closed) return;
    const runner = deps.runners.get(record.stateMachineArn);
    if (!runner) {
      deps.log(
        `execution ${record.name}: its state machine ${record.stateMachineArn} is gone; left as it is`,
      );
      return;
    }
    let input: unknown;
    try {
      input = JSON.parse(record.input);
    } catch {
      // Only a hand-edited file gets here (StartExecution checks the input): fail that one
      // execution rather than the whole start.
      finish(record, { status: 'FAILED', error: 'States.Runtime', cause: 'The stored input is not JSON' });
      return;
    }
    record.runs += 1;
    void deps.store.save(record);
    const run = runner.run({
      executionArn: record.executionArn,
      name: record.name,
      input,
      startDate: new Date(record.startDate),
    });
    runs.set(record.executionArn, run);
    void run.outcome.then((outcome) => {
      // A run that was replaced (restart, clock move) or stopped says nothing about the execution.
      if (runs.get(record.executionArn) !== run) return;
      runs.delete(record.executionArn);
      if (outcome.status === 'ABORTED') return;
      finish(record, outcome);
    });
  };

  const finish = (record: ExecutionRecord, outcome: Exclude<RunOutcome, { status: 'ABORTED' }>) => {
    record.status = outcome.status;
    record.stopDate = new Date().toISOString();
    if (outcome.status === 'SUCCEEDED') record.output = JSON.stringify(outcome.output ?? null);
    else {
      record.error = outcome.error;
      record.cause = outcome.cause;
      deps.log(`execution ${record.name} ${outcome.status}: ${outcome.error}: ${outcome.cause}`);
    }
    void deps.store.save(record);
  };

  return {
    machines: deps.machines,

    /** Loads what is on disk and runs every RUNNING execution again from its start. */
    async resumeOpen(): Promise<number> {
      const open: ExecutionRecord[] = [];
      for (const record of await deps.store.loadAll()) {
        executions.set(record.executionArn, record);
        if (record.status === 'RUNNING') open.push(record);
      }
      for (const record of open) launch(record);
      return open.length;
    },

    /** The clock moved: every running execution starts over, so its sleeps use the new "now". */
    restartRunning(): number {
      const running = [...runs.keys()];
      for (const arn of running) {
        const record = executions.get(arn);
        const previous = runs.get(arn);
        runs.delete(arn);
        previous?.abort();
        if (record) launch(record);
      }
      return running.length;
    },

    startExecution(request: StartExecutionInput): { executionArn: string; startDate: Date } {
      const machine = machineFor(request.stateMachineArn);
      const name = request.name ?? randomUUID();
      const invalid = invalidExecutionName(name);
      if (invalid) throw new SfnError('InvalidName', `Invalid Name: '${name}' ${invalid}`);
      const input = request.input ?? '{}';
      checkInput(input);
      const arn = executionArn(machine.name, name);
      const existing = executions.get(arn);
      if (existing) {
        // Standard workflows: the same name and input as a RUNNING execution is the same call
        // again and answers the same; anything else is a conflict.
        if (existing.status === 'RUNNING' && existing.input === input)
          return { executionArn: arn, startDate: new Date(existing.startDate) };
        throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
      }
      const record: ExecutionRecord = {
        executionArn: arn,
        stateMachineArn: machine.arn,
        stateMachineName: machine.name,
        name,
        input,
        status: 'RUNNING',
        startDate: new Date().toISOString(),
        runs: 0,
      };
      executions.set(arn, record);
      launch(record);
      return { executionArn: arn, startDate: new Date(record.startDate) };
    },

    describeExecution(arn: string | undefined): ExecutionRecord {
      return executionFor(arn);
    },

    stopExecution(arn: string | undefined, error?: string, cause?: string): { stopDate: Date } {
      const record = executionFor(arn);
      if (record.status === 'RUNNING') {
        const run = runs.get(record.executionArn);
        runs.delete(record.executionArn);
        run?.abort();
        record.status = 'ABORTED';
        record.stopDate = new Date().toISOString();
        if (error !== undefined) record.error = error;
        if (cause !== undefined) record.cause = cause;
        void deps.store.save(record);
      }
      return { stopDate: new Date(record.stopDate ?? Date.now()) };
    },

    listExecutions(request: ListExecutionsInput): { executions: ExecutionRecord[]; nextToken?: string } {
      const machine = machineFor(request.stateMachineArn);
      if (request.statusFilter !== undefined && !STATUSES.includes(request.statusFilter as ExecutionStatus))
        throw new SfnError('ValidationException', `statusFilter must be one of ${STATUSES.join(', ')}`);
      const pageSize = Math.min(Math.max(request.maxResults || 100, 1), 1000);
      const offset = request.nextToken ? decodeToken(request.nextToken) : 0;
      // Newest first, as Step Functions lists them.
      const matching = [...executions.values()]
        .filter(
          (r) =>
            r.stateMachineArn === machine.arn && (!request.statusFilter || r.status === request.statusFilter),
        )
        .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.name.localeCompare(a.name));
      const page = matching.slice(offset, offset + pageSize);
      const next = offset + pageSize < matching.length ? encodeToken(offset + pageSize) : undefined;
      return { executions: page, ...(next ? { nextToken: next } : {}) };
    },

    /**
     * Cloud stop: aborts every run but leaves the executions RUNNING on disk, which is how the next
     * start knows to run them again.
     */
    async close(): Promise<void> {
      closed = true;
      const inFlight = [...runs.values()];
      runs.clear();
      for (const run of inFlight) run.abort();
      await deps.store.flush();
    },
  };
}

function checkInput(input: string): void {
  if (Buffer.byteLength(input) > MAX_INPUT_BYTES)
    throw new SfnError('InvalidExecutionInput', `Input is larger than ${MAX_INPUT_BYTES} bytes`);
  try {
    JSON.parse(input);
  } catch {
    throw new SfnError(
      'InvalidExecutionInput',
      'Invalid State Machine Execution Input: input is not valid JSON',
    );
  }
}

const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64url');

function decodeToken(token: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // falls through to the error below
  }
  throw new SfnError('InvalidToken', 'Invalid Token');
}
