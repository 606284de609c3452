/**
 * The contract between the deadline-clock state machine (infra/workflows/deadline-clock.asl.json),
 * its Task function (functions/deadlines/check.ts) and the function that starts executions
 * (functions/deadlines/start-clock.ts). CDK, the offline Step Functions runner and the handlers
 * all read these names from here; the functions themselves are in shared/api/functions.ts.
 */
export const DEADLINE_CLOCK = {
  definitionFile: 'infra/workflows/deadline-clock.asl.json',
  // Its Task functions, their states and ASL placeholders are entries of the function table
  // (shared/api/functions.ts).
  /** Wait states, and what the offline runner may shorten them to (ms): a retry pause, never the deadline sleep. */
  retryWaitState: 'WaitBeforeRetry',
  sleepState: 'SleepUntilNextDeadline',
  /** The env var with the state machine's ARN, set on the function that starts executions. */
  stateMachineArnEnv: 'DEADLINE_CLOCK_STATE_MACHINE_ARN',
} as const;

export interface DeadlineClockInput {
  tenant: string;
  code: string;
  clockVersion: number;
}

export interface DeadlineCheckResult {
  done: boolean;
  /** Seconds until the next due-soon/due instant (absent when done). */
  sleepSeconds?: number;
  /** Why it ended, for the execution history: finished, stale, nothing-left, missing. */
  reason?: string;
  fired: string[];
}

/** Execution names allow letters, digits, `-` and `_` (80 max): one per dossier and deadline version. */
export function clockExecutionName(input: DeadlineClockInput): string {
  return `${input.tenant}-${input.code}-v${input.clockVersion}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
}

/** The outbox event type that (re)starts the clock: the event catalog's, emitted on every due-time change. */
import { DEADLINES_CHANGED } from '../domain/lifecycle/event-types';

export { DEADLINES_CHANGED };
