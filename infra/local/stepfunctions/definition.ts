/**
 * A workflow's ASL file the way CDK deploys it: the placeholders read and replaced by the one
 * reader CDK also uses (infra/workflows/asl.ts), the values from the function table. Then shaped
 * for the aws-local-stepfunctions interpreter, which differs from AWS in one way that matters here.
 */
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import type { FunctionDef, WorkflowId } from '../../../shared/api/functions';
import { readAsl, substitutedDefinition, substitutionsFor } from '../../workflows/asl';

/** The definition after substitution: each Task's placeholder → `valueOf(its function)`. */
export function loadDefinition(
  repoRoot: string,
  workflow: WorkflowId,
  valueOf: (task: FunctionDef) => string,
): StateMachineDefinition {
  const asl = readAsl(repoRoot, workflow);
  return substitutedDefinition(asl, substitutionsFor(asl, valueOf)) as StateMachineDefinition;
}

/** Names of the Task states, top level (the only level the offline machines use). */
export const taskStateNames = (definition: StateMachineDefinition): string[] =>
  Object.entries(definition.States)
    .filter(([, state]) => state.Type === 'Task')
    .map(([name]) => name);

/**
 * The interpreter arms the execution's `TimeoutSeconds` with one setTimeout. Node caps timers at
 * 2^31-1 ms (24.8 days) and turns anything longer into 1 ms, so the deadline clock's one-year
 * timeout would end every execution at once with ExecutionTimeoutError. The runner enforces the
 * execution timeout itself; the interpreter gets the definition without it.
 */
export function withoutExecutionTimeout(definition: StateMachineDefinition): {
  definition: StateMachineDefinition;
  timeoutSeconds?: number;
} {
  const { TimeoutSeconds: timeoutSeconds, ...rest } = definition;
  return { definition: rest, timeoutSeconds };
}
