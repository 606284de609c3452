/**
 * Reads an ASL file the way CDK deploys it: `${Name}` placeholders replaced by their substitution
 * (CloudFormation's DefinitionSubstitutions), the rest kept as written. Then shapes it for the
 * aws-local-stepfunctions interpreter, which differs from AWS in one way that matters here.
 */
import { readFile } from 'node:fs/promises';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

export async function loadDefinition(
  file: string,
  substitutions: Readonly<Record<string, string>>,
): Promise<StateMachineDefinition> {
  return substitute(await readFile(file, 'utf8'), substitutions, file);
}

export function substitute(
  text: string,
  substitutions: Readonly<Record<string, string>>,
  source = 'the definition',
): StateMachineDefinition {
  const missing = [...text.matchAll(PLACEHOLDER)]
    .map((m) => m[1] as string)
    .filter((name) => !(name in substitutions));
  // CloudFormation would deploy `${Name}` as is and the execution would fail when it got there.
  if (missing.length > 0)
    throw new Error(`${source} refers to \${${[...new Set(missing)].join('}, ${')}} with no substitution`);
  // A plain text replacement, as CloudFormation does it (the values are ARNs).
  const replaced = text.replace(PLACEHOLDER, (_, name: string) => substitutions[name] as string);
  return JSON.parse(replaced) as StateMachineDefinition;
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
