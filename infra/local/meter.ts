/**
 * The offline cloud's meter (issue 10 §4): what the AWS bill would count, counted as it happens, so
 * the cost model (bench/cost.ts) multiplies measured operations by list prices instead of guessing
 * them. `GET /_local/meter` reads it, `DELETE /_local/meter` starts it again from zero.
 *
 * Where each figure comes from:
 * - Lambda invocations and duration: the handler loader times every call of every function (route
 *   or function table entry) by id; Lambda bills each call's duration rounded up to 1 ms.
 * - DynamoDB read and write units: a middleware on the handlers' shared client asks every call for
 *   `ReturnConsumedCapacity: TOTAL` and adds up the `ConsumedCapacity` DynamoDB Local answers
 *   (it computes units with the documented rules: 4 KB per read unit, 1 KB per write unit, twice
 *   for transactions). Each answered capacity is kept, so a test can check the sum.
 * - S3 requests and bytes: a listener on s3rver's HTTP server sees every request, the browsers'
 *   presigned uploads included, not only the SDK's.
 * - SQS, Step Functions, SES and SNS requests the functions make: middlewares on their clients.
 * - Step Functions state transitions: the local runner's `StateEntered` events.
 *
 * This is test machinery of the offline cloud only; no function reads it.
 */
import type { IncomingMessage } from 'node:http';

/** One function's calls: count and the billed milliseconds (each call rounded up to 1 ms). */
export interface InvocationFigures {
  invocations: number;
  billedMs: number;
}

export interface MeterSnapshot {
  since: string;
  lambda: Record<string, InvocationFigures>;
  dynamodb: {
    /** Calls by operation (GetItem, TransactWriteItems, …). */
    calls: Record<string, number>;
    readUnits: number;
    writeUnits: number;
    /** Every `ConsumedCapacity.CapacityUnits` DynamoDB answered, in order, with its operation. */
    consumed: Array<{ operation: string; units: number }>;
  };
  s3: {
    /** Requests by HTTP method (PUT, GET, HEAD, DELETE, POST). */
    requests: Record<string, number>;
    /** Bytes received in PUT and POST bodies (what is stored, before deletes). */
    bytesIn: number;
  };
  /** Requests the functions made, by operation. */
  sqs: Record<string, number>;
  stepFunctions: { calls: Record<string, number>; stateTransitions: number };
  ses: Record<string, number>;
  sns: Record<string, number>;
}

const empty = (): MeterSnapshot => ({
  since: new Date().toISOString(),
  lambda: {},
  dynamodb: { calls: {}, readUnits: 0, writeUnits: 0, consumed: [] },
  s3: { requests: {}, bytesIn: 0 },
  sqs: {},
  stepFunctions: { calls: {}, stateTransitions: 0 },
  ses: {},
  sns: {},
});

let state = empty();

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** Read operations: their units are read units; every other operation's are write units. */
const DYNAMODB_READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
/** Operations that accept ReturnConsumedCapacity. */
const DYNAMODB_METERED = new Set([
  ...DYNAMODB_READS,
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

export const meter = {
  snapshot: (): MeterSnapshot => structuredClone(state),
  reset: (): MeterSnapshot => {
    state = empty();
    return meter.snapshot();
  },
  invocation(functionId: string, ms: number): void {
    const f = (state.lambda[functionId] ??= { invocations: 0, billedMs: 0 });
    f.invocations += 1;
    f.billedMs += Math.max(1, Math.ceil(ms));
  },
  stateTransition(): void {
    state.stepFunctions.stateTransitions += 1;
  },
  dynamodbCall(operation: string, consumed: unknown): void {
    bump(state.dynamodb.calls, operation);
    const entries = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    for (const entry of entries as Array<{ CapacityUnits?: number }>) {
      const units = entry.CapacityUnits ?? 0;
      state.dynamodb.consumed.push({ operation, units });
      if (DYNAMODB_READS.has(operation)) state.dynamodb.readUnits += units;
      else state.dynamodb.writeUnits += units;
    }
  },
  s3Request(req: IncomingMessage): void {
    const method = (req.method ?? 'GET').toUpperCase();
    bump(state.s3.requests, method);
    if (method === 'PUT' || method === 'POST') state.s3.bytesIn += Number(req.headers['content-length'] ?? 0);
  },
  serviceCall(service: 'sqs' | 'ses' | 'sns' | 'stepFunctions', operation: string): void {
    if (service === 'stepFunctions') bump(state.stepFunctions.calls, operation);
    else bump(state[service], operation);
  },
};

/** The operation of an SDK call: `GetItemCommand` → `GetItem`. */
const operationOf = (commandName: string | undefined) => {
  const name = (commandName ?? '?').replace(/Command$/, '');
  // The document client's names (Get, TransactWrite) for the low-level operations they run.
  return DOCUMENT_NAMES[name] ?? name;
};
const DOCUMENT_NAMES: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
};

interface StackOwner {
  middlewareStack: {
    add(
      middleware: (
        next: (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>,
        context: { commandName?: string },
      ) => (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

/**
 * On the low-level client, so the document client's calls go through it too. The input is the
 * low-level one at this step on this stack: ReturnConsumedCapacity is set there unless the caller
 * asked for it already (reports read it themselves); a call that fails is counted without units.
 */
export function meterDynamoDb(client: unknown): void {
  (client as StackOwner).middlewareStack.add(
    (next, context) => async (args) => {
      const operation = operationOf(context.commandName);
      if (DYNAMODB_METERED.has(operation) && args.input.ReturnConsumedCapacity === undefined)
        args.input.ReturnConsumedCapacity = 'TOTAL';
      try {
        const result = await next(args);
        meter.dynamodbCall(operation, result.output.ConsumedCapacity);
        return result;
      } catch (error) {
        meter.dynamodbCall(operation, undefined);
        throw error;
      }
    },
    { step: 'initialize', name: 'offlineMeterDynamoDb' },
  );
}

/** Counts each call a function's client makes to `service`, by operation. */
export function meterCalls(client: unknown, service: 'sqs' | 'ses' | 'sns' | 'stepFunctions'): void {
  (client as StackOwner).middlewareStack.add(
    (next, context) => async (args) => {
      meter.serviceCall(service, operationOf(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: `offlineMeter-${service}` },
  );
}
