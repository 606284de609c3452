/**
 * The one reader of ASL placeholders, for CDK (infra/constructs/deadline-clock.ts: the definition
 * with `DefinitionSubstitutions`) and for the offline Step Functions (infra/local/stepfunctions:
 * the definition with the placeholders replaced, as CloudFormation would). Both sides take their
 * values from the function table (shared/api/functions.ts): a Task's `${Placeholder}` is the ARN of
 * the function whose `source.placeholder` names it. A placeholder without a value, or a value the
 * file never refers to, fails here, on both sides, before anything is deployed or run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tasksOf, WORKFLOWS, type FunctionDef, type WorkflowId } from '../../shared/api/functions';

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

export interface AslFile {
  workflow: WorkflowId;
  file: string;
  /** The file as written, placeholders included. */
  text: string;
  /** The names it refers to as `${Name}`, each once, in order of appearance. */
  placeholders: string[];
}

/** The names an ASL text refers to as `${Name}`, each once, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** Reads a workflow's ASL file (relative to `repoRoot`) and checks that it is JSON. */
export function readAsl(repoRoot: string, workflow: WorkflowId): AslFile {
  const file = path.join(repoRoot, WORKFLOWS[workflow].definitionFile);
  return parseAsl(workflow, file, fs.readFileSync(file, 'utf8'));
}

export function parseAsl(workflow: WorkflowId, file: string, text: string): AslFile {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return { workflow, file, text, placeholders: placeholdersOf(text) };
}

/**
 * The value of every placeholder of `asl`: `valueOf(task)` for the Task function that names it in
 * the function table. Throws when the file refers to a name no function provides (CloudFormation
 * would deploy `${Name}` literally and the execution would fail when it got there) or a function
 * names a placeholder the file does not use (its Task would never be called).
 */
export function substitutionsFor(
  asl: AslFile,
  valueOf: (task: FunctionDef) => string,
  tasks: readonly (FunctionDef & { source: { placeholder: string } })[] = tasksOf(asl.workflow),
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const task of tasks) values[task.source.placeholder] = valueOf(task);
  checkSubstitutions(asl, values);
  return values;
}

/** Every placeholder has a value, and every value a placeholder. */
export function checkSubstitutions(asl: AslFile, substitutions: Readonly<Record<string, string>>): void {
  const missing = asl.placeholders.filter((name) => !(name in substitutions));
  if (missing.length > 0)
    throw new Error(
      `${asl.file} refers to \${${missing.join('}, ${')}} with no function in the function table (shared/api/functions.ts)`,
    );
  const unused = Object.keys(substitutions).filter((name) => !asl.placeholders.includes(name));
  if (unused.length > 0)
    throw new Error(
      `${asl.file} never refers to \${${unused.join('}, ${')}}, which the function table names`,
    );
}

/** The definition for CloudFormation: compact JSON, placeholders kept for DefinitionSubstitutions. */
export const compactDefinition = (asl: AslFile): string => JSON.stringify(JSON.parse(asl.text));

/** The definition as CloudFormation deploys it: a plain text replacement (the values are ARNs). */
export function substitutedDefinition(
  asl: AslFile,
  substitutions: Readonly<Record<string, string>>,
): unknown {
  checkSubstitutions(asl, substitutions);
  return JSON.parse(asl.text.replace(PLACEHOLDER, (_, name: string) => substitutions[name] as string));
}
