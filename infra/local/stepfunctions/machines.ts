/**
 * The state machines the offline cloud serves, each built from the same source CDK deploys: for
 * now one, the deadline clock of shared/api/deadline-clock.ts. Everything the offline runner does
 * differently from AWS for a machine is written here, next to the reason.
 */
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { DEADLINE_CLOCK, type DeadlineCheckResult } from '../../../shared/api/deadline-clock';
import { tasksOf, type WorkflowId } from '../../../shared/api/functions';
import type { LocalFunction } from '../lambda-invoke';
import { localFunctionName, localLambdaArn, stateMachineArn } from './arns';
import { loadDefinition, taskStateNames } from './definition';

/** A Task's function: its function table entry, with its own (Lambda's) timeout. */
export type LocalTask = LocalFunction;

/** The names the offline machines are served under, by workflow. */
export const LOCAL_MACHINE_NAMES: Readonly<Record<WorkflowId, string>> = {
  deadlineClock: 'mot-cua-deadline-clock',
};
export const DEADLINE_CLOCK_MACHINE_NAME = LOCAL_MACHINE_NAMES.deadlineClock;

export interface LocalStateMachine {
  name: string;
  arn: string;
  /** After substitution, as CDK deploys it (TimeoutSeconds included). */
  definition: StateMachineDefinition;
  /** Task state name → the function that runs it. Every Task state has one. */
  tasks: Record<string, LocalTask>;
  /** Wait state name → ms, for waits that only pace retries. */
  waitTimeOverrides: Record<string, number>;
  /** Retryable state name → ms between retries (instead of IntervalSeconds × BackoffRate^n). */
  retryIntervalOverrides: Record<string, number>;
  /** A chance to adjust a Task's result before the interpreter uses it. */
  adjustTaskResult?(stateName: string, result: unknown): unknown;
}

/** Longest wait Node's timers can sleep (2^31-1 ms); anything longer fires after 1 ms. */
export const MAX_WAIT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

export async function loadLocalStateMachines(repoRoot: string): Promise<LocalStateMachine[]> {
  return [await deadlineClockMachine(repoRoot)];
}

export async function deadlineClockMachine(repoRoot: string): Promise<LocalStateMachine> {
  // Each placeholder is a Lambda ARN in AWS; offline, a local ARN named after the module.
  const definition = loadDefinition(repoRoot, 'deadlineClock', (task) => localLambdaArn(task.entry));
  const tasks: Record<string, LocalTask> = Object.fromEntries(
    tasksOf('deadlineClock').map((task) => [
      task.source.state,
      {
        id: task.id,
        entry: task.entry,
        access: task.access,
        functionName: localFunctionName(task.entry),
        timeoutMs: task.timeoutSeconds * 1000,
        memoryMb: task.memoryMb,
      },
    ]),
  );
  assertEveryTaskRunsLocally(DEADLINE_CLOCK_MACHINE_NAME, definition, tasks);
  return {
    name: DEADLINE_CLOCK_MACHINE_NAME,
    arn: stateMachineArn(DEADLINE_CLOCK_MACHINE_NAME),
    definition,
    tasks,
    // The pause after a failed check is 300 s in AWS; offline a developer should not wait 5 min
    // to see a fixed handler pick up again. The deadline sleep is never shortened: the check
    // computes it from the shared clock, which is how tests steer time.
    waitTimeOverrides: { [DEADLINE_CLOCK.retryWaitState]: 1_000 },
    // Retry intervals (2 s and 5 s, doubling) shrink to 200 ms for the same reason; the number
    // of attempts, the error matching and the Catch stay as written.
    retryIntervalOverrides: Object.fromEntries(Object.keys(tasks).map((state) => [state, 200])),
    adjustTaskResult: (_state, result) => capSleep(result as DeadlineCheckResult),
  };
}

/**
 * A sleep over 24.8 days would fire after 1 ms in Node and spin the clock; waking early is
 * harmless because the check recomputes the sleep from the dossier (and fires nothing early).
 */
function capSleep(result: DeadlineCheckResult): DeadlineCheckResult {
  if (result && typeof result.sleepSeconds === 'number' && result.sleepSeconds > MAX_WAIT_SECONDS)
    return { ...result, sleepSeconds: MAX_WAIT_SECONDS };
  return result;
}

/** Without a local handler the interpreter would call the real Lambda in AWS: refuse at start. */
function assertEveryTaskRunsLocally(
  machine: string,
  definition: StateMachineDefinition,
  tasks: Record<string, LocalTask>,
): void {
  const missing = taskStateNames(definition).filter((state) => !tasks[state]);
  if (missing.length > 0)
    throw new Error(
      `State machine ${machine}: Task state(s) ${missing.join(', ')} have no function in the function table`,
    );
}
