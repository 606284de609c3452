/**
 * Runs one execution of a local state machine from its start, with aws-local-stepfunctions: each
 * Task state calls its handler module in this process, as Lambda would (a thrown error fails the
 * Task like a Lambda error, so the definition's Retry and Catch apply). The runner knows nothing
 * of persistence: it reports how the run ended and can be aborted.
 */
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { HandlerLoader } from '../handler-loader';
import { meter } from '../meter';
import { invokeFunction } from '../lambda-invoke';
import { withoutExecutionTimeout } from './definition';
import type { Limiter } from './limiter';
import { setLongTimeout } from './long-timeout';
import type { LocalStateMachine } from './machines';

export type RunOutcome =
  | { status: 'SUCCEEDED'; output: unknown }
  | { status: 'FAILED' | 'TIMED_OUT'; error: string; cause: string }
  /** Stopped from outside (StopExecution, a restart, a clock move, shutdown). */
  | { status: 'ABORTED' };

export interface ExecutionRun {
  abort(): void;
  outcome: Promise<RunOutcome>;
}

export interface RunRequest {
  executionArn: string;
  name: string;
  input: unknown;
  /** The execution's first start: its timeout counts from here, across restarts. */
  startDate: Date;
}

export interface RunnerDeps {
  loader: HandlerLoader;
  /** Bounds simultaneous Task invocations across all executions. */
  limit: Limiter;
  log(line: string): void;
}

export interface Runner {
  run(request: RunRequest): ExecutionRun;
}

export function createRunner(machine: LocalStateMachine, deps: RunnerDeps): Runner {
  const { definition, timeoutSeconds } = withoutExecutionTimeout(machine.definition);
  // Validates the definition once, at start-up, rather than on the first execution.
  const interpreter = new StateMachine(definition as StateMachineDefinition);
  return {
    run(request) {
      const timeoutAt =
        timeoutSeconds === undefined ? undefined : request.startDate.getTime() + timeoutSeconds * 1000;
      if (timeoutAt !== undefined && timeoutAt <= Date.now()) {
        return { abort: () => undefined, outcome: Promise.resolve(timedOut(timeoutSeconds)) };
      }
      let aborted = false;
      let ended: 'timeout' | undefined;
      const localHandlers = Object.fromEntries(
        Object.entries(machine.tasks).map(([state, task]) => [
          state,
          async (input: unknown) => {
            // After an abort the interpreter may still enter a state (or retry one); calling the
            // function then would act for an execution that no longer runs.
            if (aborted) return null;
            const result = await deps.limit(() =>
              aborted ? Promise.resolve(null) : invokeFunction(deps.loader, task, input),
            );
            return (machine.adjustTaskResult ? machine.adjustTaskResult(state, result) : result) as never;
          },
        ]),
      );
      const execution = interpreter.run(request.input as never, {
        noThrowOnAbort: true,
        overrides: {
          taskResourceLocalHandlers: localHandlers,
          waitTimeOverrides: machine.waitTimeOverrides,
          retryIntervalOverrides: machine.retryIntervalOverrides,
        },
        context: {
          Execution: {
            Id: request.executionArn,
            Name: request.name,
            StartTime: request.startDate.toISOString(),
          },
          StateMachine: { Id: machine.arn, Name: machine.name },
        },
      });
      const abort = () => {
        aborted = true;
        execution.abort();
      };
      const cancelTimeout =
        timeoutAt === undefined
          ? () => undefined
          : setLongTimeout(() => {
              ended = 'timeout';
              abort();
            }, timeoutAt - Date.now());
      void logFailures(execution.eventLogs, request.name, deps.log);
      const outcome = execution.result.then(
        (output): RunOutcome =>
          ended === 'timeout'
            ? timedOut(timeoutSeconds)
            : aborted
              ? { status: 'ABORTED' }
              : { status: 'SUCCEEDED', output },
        (error: unknown): RunOutcome => ({ status: 'FAILED', ...errorAndCause(error) }),
      );
      return { abort, outcome: outcome.finally(cancelTimeout) };
    },
  };
}

const timedOut = (seconds: number | undefined): RunOutcome => ({
  status: 'TIMED_OUT',
  error: 'States.Timeout',
  cause: `The execution ran longer than its TimeoutSeconds (${String(seconds)})`,
});

/** ExecutionError wraps the state's error as `cause`; its name is what Retry/Catch matched. */
function errorAndCause(error: unknown): { error: string; cause: string } {
  const inner = (error as { cause?: unknown }).cause ?? error;
  if (inner instanceof Error) return { error: inner.name, cause: inner.message };
  return { error: 'States.Runtime', cause: String(inner) };
}

/**
 * The interpreter queues every event until someone reads them, so they are read (or the queue of a
 * long-looping execution would grow for ever). Failed states are what a developer needs to see;
 * states entered are what the meter counts.
 */
async function logFailures(
  events: AsyncGenerator<{ type: string; state?: { name: string }; Error?: string; Cause?: unknown }>,
  name: string,
  log: (line: string) => void,
): Promise<void> {
  try {
    for await (const event of events) {
      // Standard workflows bill each state entered (the meter, ../meter.ts).
      if (event.type === 'StateEntered') meter.stateTransition();
      if (event.type === 'StateFailed')
        log(
          `execution ${name}: state ${event.state?.name ?? '?'} failed with ${event.Error ?? '?'}: ${String(event.Cause)}`,
        );
    }
  } catch {
    // The log is for humans; losing it must not affect the execution.
  }
}
