/**
 * The offline Step Functions endpoint: the AWS JSON 1.0 protocol that `@aws-sdk/client-sfn`
 * speaks (`POST /`, `X-Amz-Target: AWSStepFunctions.<Operation>`, JSON in and out, timestamps as
 * epoch seconds), in front of the local service. Errors carry `__type` so the SDK throws its
 * modeled exceptions (e.g. `ExecutionAlreadyExists`). Signatures are not checked.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { listen } from '../listen';
import { SfnError } from './errors';
import type { ExecutionRecord } from './execution-store';
import type { StepFunctionsService } from './service';

const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
const MAX_REQUEST_BYTES = 1024 * 1024;

type Operation = (service: StepFunctionsService, body: Record<string, unknown>) => unknown;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** The SDK reads `Date` members of JSON 1.0 answers from epoch seconds. */
const epochSeconds = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso) / 1000);

const OPERATIONS: Record<string, Operation> = {
  StartExecution: (service, body) => {
    const started = service.startExecution({
      stateMachineArn: str(body.stateMachineArn),
      name: str(body.name),
      input: str(body.input),
    });
    return { executionArn: started.executionArn, startDate: started.startDate.getTime() / 1000 };
  },
  DescribeExecution: (service, body) => describe(service.describeExecution(str(body.executionArn))),
  StopExecution: (service, body) => {
    const stopped = service.stopExecution(str(body.executionArn), str(body.error), str(body.cause));
    return { stopDate: stopped.stopDate.getTime() / 1000 };
  },
  ListExecutions: (service, body) => {
    const page = service.listExecutions({
      stateMachineArn: str(body.stateMachineArn),
      statusFilter: str(body.statusFilter),
      maxResults: typeof body.maxResults === 'number' ? body.maxResults : undefined,
      nextToken: str(body.nextToken),
    });
    return {
      executions: page.executions.map(summary),
      nextToken: page.nextToken,
    };
  },
  ListStateMachines: (service) => ({
    stateMachines: service.machines.map((m) => ({
      stateMachineArn: m.arn,
      name: m.name,
      type: 'STANDARD',
      creationDate: 0,
    })),
  }),
};

/** What ListExecutions says of an execution. */
function summary(r: ExecutionRecord) {
  return {
    executionArn: r.executionArn,
    stateMachineArn: r.stateMachineArn,
    name: r.name,
    status: r.status,
    startDate: epochSeconds(r.startDate),
    stopDate: epochSeconds(r.stopDate),
  };
}

/** What DescribeExecution says: the summary, the input, and the output or error once finished. */
function describe(r: ExecutionRecord) {
  return {
    ...summary(r),
    input: r.input,
    inputDetails: { included: true },
    ...(r.output !== undefined ? { output: r.output, outputDetails: { included: true } } : {}),
    ...(r.error !== undefined ? { error: r.error } : {}),
    ...(r.cause !== undefined ? { cause: r.cause } : {}),
  };
}

export interface RunningSfnServer {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export async function startSfnServer(
  service: StepFunctionsService,
  options: { host: string; port: number },
): Promise<RunningSfnServer> {
  const server = http.createServer((req, res) => void handle(service, req, res));
  const port = await listen(server, options.port, options.host);
  return {
    endpoint: `http://${options.host}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The SDK keeps sockets alive; nothing is in flight once the callers stopped.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      }),
  };
}

async function handle(
  service: StepFunctionsService,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let status = 200;
  let answer: unknown;
  try {
    const target = String(req.headers['x-amz-target'] ?? '');
    const body = await readJson(req);
    if (req.method !== 'POST' || !target.startsWith(TARGET_PREFIX))
      throw new SfnError(
        'UnknownOperationException',
        'Expected POST / with X-Amz-Target: AWSStepFunctions.<Operation>',
      );
    const name = target.slice(TARGET_PREFIX.length);
    const operation = OPERATIONS[name];
    if (!operation)
      throw new SfnError(
        'UnknownOperationException',
        `${name} is not served offline (served: ${Object.keys(OPERATIONS).join(', ')})`,
      );
    answer = operation(service, body);
  } catch (error) {
    const known = error instanceof SfnError ? error : undefined;
    if (!known)
      process.stderr.write(
        `[stepfunctions] ${req.headers['x-amz-target']} failed: ${(error as Error).stack}\n`,
      );
    status = known?.statusCode ?? 500;
    answer = { __type: known?.type ?? 'InternalFailure', message: known?.message ?? 'Internal failure' };
  }
  const text = JSON.stringify(answer ?? {});
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...(status >= 400 ? { 'x-amzn-errortype': (answer as { __type: string }).__type } : {}),
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new SfnError('ValidationException', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new SfnError('SerializationException', 'The request body is not a JSON object');
}
