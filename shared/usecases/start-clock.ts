/**
 * Starts a dossier's deadline clock for one deadline version. The execution name is fixed per
 * dossier and version, so a repeated start (a stream retry) is a no-op. Step Functions keeps a
 * closed execution's name for 90 days, so a clock that failed or timed out is started again under
 * a suffixed name rather than left dead.
 */
import { DescribeExecutionCommand, ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { clockExecutionName, DEADLINE_CLOCK, type DeadlineClockInput } from '../api/deadline-clock';
import { getSfnClient } from '../platform/aws-clients';
import { requireEnv } from '../platform/env';

const MAX_RESTARTS = 5;
const DEAD = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

let stateMachineArn: string | undefined;

/** `arn:…:stateMachine:<machine>` → `arn:…:execution:<machine>:<name>`. */
const executionArn = (machineArn: string, name: string) =>
  `${machineArn.replace(':stateMachine:', ':execution:')}:${name}`;

const isAlreadyExists = (error: unknown) =>
  error instanceof ExecutionAlreadyExists || (error as Error).name === 'ExecutionAlreadyExists';

export type StartOutcome = 'started' | 'already-running' | 'already-finished' | 'restarted';

export async function startClock(input: DeadlineClockInput): Promise<StartOutcome> {
  stateMachineArn ??= requireEnv(DEADLINE_CLOCK.stateMachineArnEnv);
  const base = clockExecutionName(input);
  for (let attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
    const name = attempt === 0 ? base : `${base.slice(0, 76)}-r${attempt}`;
    try {
      await getSfnClient().send(
        new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }),
      );
      return attempt === 0 ? 'started' : 'restarted';
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
    const { status } = await getSfnClient().send(
      new DescribeExecutionCommand({ executionArn: executionArn(stateMachineArn, name) }),
    );
    if (status === 'RUNNING') return 'already-running';
    if (!DEAD.has(status ?? '')) return 'already-finished';
  }
  throw new Error(
    `deadline clock ${base} failed ${MAX_RESTARTS + 1} times; see the state machine's failed executions`,
  );
}
