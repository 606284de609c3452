/**
 * ARNs of the offline Step Functions service. Same shapes as in AWS, in account 000000000000 (the
 * account DynamoDB Local also puts in its stream ARNs), so code that parses ARNs sees real ones.
 */
export const SFN_REGION = 'ap-southeast-1';
export const SFN_ACCOUNT = '000000000000';

export const stateMachineArn = (name: string): string =>
  `arn:aws:states:${SFN_REGION}:${SFN_ACCOUNT}:stateMachine:${name}`;

export const executionArn = (stateMachineName: string, executionName: string): string =>
  `arn:aws:states:${SFN_REGION}:${SFN_ACCOUNT}:execution:${stateMachineName}:${executionName}`;

/** `functions/deadlines/check.ts` → `mot-cua-deadlines-check`: a stable name for a handler module. */
export function localFunctionName(entry: string): string {
  const stem = entry.replace(/^functions\//, '').replace(/\.[cm]?[tj]s$/, '');
  return `mot-cua-${stem.replace(/[^A-Za-z0-9_-]+/g, '-')}`.slice(0, 64);
}

export const localLambdaArn = (entry: string): string =>
  `arn:aws:lambda:${SFN_REGION}:${SFN_ACCOUNT}:function:${localFunctionName(entry)}`;

/** `arn:aws:states:…:execution:<machine>:<name>` → its parts, or undefined for anything else. */
export function parseExecutionArn(arn: string): { stateMachineName: string; name: string } | undefined {
  const match = /^arn:aws:states:[^:]+:\d{12}:execution:([^:]+):([^:]+)$/.exec(arn);
  return match ? { stateMachineName: match[1] as string, name: match[2] as string } : undefined;
}

export const isStateMachineArn = (arn: string): boolean =>
  /^arn:aws:states:[^:]+:\d{12}:stateMachine:[^:]+$/.test(arn);

/**
 * Execution names as Step Functions accepts them: 1–80 characters, no whitespace, brackets,
 * wildcards, `"#%\^|~\`$&,;:/` or control characters.
 */
export function invalidExecutionName(name: string): string | undefined {
  if (name.length < 1 || name.length > 80) return 'must be 1 to 80 characters long';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/.test(name))
    return 'contains a character Step Functions does not allow in names';
  return undefined;
}
