/**
 * Calls a handler module the way the Lambda service does for an asynchronous source (Step
 * Functions, a stream's event source mapping): a fresh context, the function's timeout, the result
 * serialized as JSON, and an error reported as Lambda reports it. Shared by the offline Step
 * Functions runner and the stream poller.
 */
import { buildLambdaContext } from './api-event';
import type { HandlerLoader, LoadableFunction } from './handler-loader';

export interface LocalFunction extends LoadableFunction {
  functionName: string;
  timeoutMs: number;
  memoryMb?: number;
}

/**
 * What a failed invocation looks like to Step Functions: `name` is the error type (what Retry and
 * Catch match), `message` the JSON cause `{errorType, errorMessage, trace}`.
 */
export class LambdaFunctionError extends Error {
  constructor(
    readonly errorType: string,
    readonly errorMessage: string,
    readonly trace: string[] = [],
  ) {
    super(JSON.stringify({ errorType, errorMessage, trace }));
    this.name = errorType;
  }
}

export async function invokeFunction(
  loader: HandlerLoader,
  fn: LocalFunction,
  event: unknown,
): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const handler = await loader.load(fn);
    const deadline = Date.now() + fn.timeoutMs;
    const context = buildLambdaContext({ functionName: fn.functionName, deadline, memoryMb: fn.memoryMb });
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new LambdaFunctionError(
              'Sandbox.Timedout',
              `Task timed out after ${(fn.timeoutMs / 1000).toFixed(2)} seconds`,
            ),
          ),
        fn.timeoutMs,
      );
    });
    const result = await Promise.race([Promise.resolve(handler(event, context)), timedOut]);
    // Lambda hands the result on as JSON: undefined fields vanish, Dates become strings.
    return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
  } catch (error) {
    if (error instanceof LambdaFunctionError) throw error;
    const e = error instanceof Error ? error : new Error(String(error));
    throw new LambdaFunctionError(
      e.name || 'Error',
      e.message,
      (e.stack ?? '')
        .split('\n')
        .slice(1)
        .map((l) => l.trim()),
    );
  } finally {
    clearTimeout(timer);
  }
}
