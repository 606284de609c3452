/**
 * Offline, each function sees only the environment its access names, as in AWS: the handler loader
 * loads and invokes it in its own `process.env` view. And the offline cloud reads the function
 * table (and the ASL placeholders) the way CDK does.
 */
import path from 'node:path';
import {
  environmentFor,
  installEnvironmentOverlay,
  queuesNamedBy,
  type LocalResources,
} from '../../../infra/local/function-env';
import { createHandlerLoader, type LoadableFunction } from '../../../infra/local/handler-loader';
import { invokeFunction } from '../../../infra/local/lambda-invoke';
import { localFunctionName, localLambdaArn } from '../../../infra/local/stepfunctions/arns';
import { deadlineClockMachine } from '../../../infra/local/stepfunctions/machines';
import { STREAM_CONSUMERS } from '../../../infra/local/streams/consumers';
import { readAsl } from '../../../infra/workflows/asl';
import {
  FUNCTIONS,
  streamConsumers,
  tasksOf,
  WORKFLOWS,
  type FunctionAccess,
} from '../../../shared/api/functions';
import { QUEUES } from '../../../shared/api/queues';
import { ROUTES } from '../../../shared/api/routes';
import { ENV } from '../../../shared/platform/env';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const ARN_ENV = WORKFLOWS.deadlineClock.arnEnv;
const COMMON = { AWS_REGION: 'ap-southeast-1', POWERTOOLS_SERVICE_NAME: 'mot-cua' };
const RESOURCES: LocalResources = {
  tableName: 'mot-cua',
  bucketName: 'mot-cua-attachments',
  stateMachineArns: { deadlineClock: 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:clock' },
  queueUrls: {
    deadlineClock: 'http://127.0.0.1:9324/000000000000/mot-cua-deadline-clock',
    webhookEvents: 'http://127.0.0.1:9324/000000000000/mot-cua-webhook-events',
    webhookDeliveries: 'http://127.0.0.1:9324/000000000000/mot-cua-webhook-deliveries',
    notifications: 'http://127.0.0.1:9324/000000000000/mot-cua-notifications',
    reports: 'http://127.0.0.1:9324/000000000000/mot-cua-reports',
    usage: 'http://127.0.0.1:9324/000000000000/mot-cua-usage',
  },
  publicBaseUrl: 'http://127.0.0.1:3000',
};
const envOf = (access: FunctionAccess) => environmentFor(access, COMMON, RESOURCES);

describe('environmentFor', () => {
  const everyFunction: [string, FunctionAccess][] = [
    ...ROUTES.map((r): [string, FunctionAccess] => [`route ${r.id}`, r.access]),
    ...FUNCTIONS.map((f): [string, FunctionAccess] => [`function ${f.id}`, f.access]),
  ];

  it.each(everyFunction)('gives %s exactly the variables its access names', (_name, access) => {
    const env = envOf(access);
    expect(Object.keys(env).sort()).toEqual(
      [
        ...Object.keys(COMMON),
        ...(access.table ? [ENV.tableName] : []),
        ...(access.bucket ? [ENV.bucketName] : []),
        ...(access.startExecution ?? []).map((w) => WORKFLOWS[w].arnEnv),
        ...queuesNamedBy(access).map((q) => QUEUES[q].urlEnv),
        ...(access.publicBaseUrl ? [ENV.publicBaseUrl] : []),
      ].sort(),
    );
  });

  it('names the table, the bucket and the state machine the cloud provides', () => {
    expect(envOf({ table: 'read', bucket: { stored: ['read'] }, startExecution: ['deadlineClock'] })).toEqual(
      {
        ...COMMON,
        [ENV.tableName]: RESOURCES.tableName,
        [ENV.bucketName]: RESOURCES.bucketName,
        [ARN_ENV]: RESOURCES.stateMachineArns.deadlineClock,
      },
    );
  });
});

it('gives a queue URL only to the functions whose access names the queue', () => {
  expect(envOf({ queue: { send: ['webhookEvents'] } })).toEqual({
    ...COMMON,
    [QUEUES.webhookEvents.urlEnv]: RESOURCES.queueUrls.webhookEvents,
  });
  expect(envOf({ queue: { consume: 'deadlineClock', changeVisibility: true } })).toEqual({
    ...COMMON,
    [QUEUES.deadlineClock.urlEnv]: RESOURCES.queueUrls.deadlineClock,
  });
  expect(queuesNamedBy({ table: 'read' })).toEqual([]);
});

it('gives the gateway’s own base URL to a function whose access names publicBaseUrl, once it is known', () => {
  expect(envOf({ table: 'read', publicBaseUrl: true })[ENV.publicBaseUrl]).toBe('http://127.0.0.1:3000');
  // Before the gateway listens, the variable is missing, and the function fails as it would in AWS.
  const { publicBaseUrl: _none, ...early } = RESOURCES;
  expect(environmentFor({ publicBaseUrl: true }, COMMON, early)).toEqual(COMMON);
});

describe('the handler loader with per-function environments', () => {
  let undo: () => void;
  const saved = { ...process.env };
  beforeAll(() => {
    // The process itself has everything, as the offline cloud's does (its seed uses the table).
    process.env[ENV.tableName] = 'process-table';
    process.env[ENV.bucketName] = 'process-bucket';
    process.env[ARN_ENV] = 'process-arn';
    undo = installEnvironmentOverlay();
  });
  afterAll(() => {
    undo();
    for (const name of [ENV.tableName, ENV.bucketName, ARN_ENV, 'PROBE_WRITE']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  const probe = (id: string, access: FunctionAccess, file = 'env-probe.ts'): LoadableFunction => ({
    id,
    entry: `tests/unit/local/fixtures/${file}`,
    access,
  });
  const loader = () => createHandlerLoader(REPO_ROOT, { environmentOf: (fn) => envOf(fn.access) });
  type Seen = { atLoad: Record<string, string>; atCall: Record<string, string> };
  const call = async (l: ReturnType<typeof loader>, fn: LoadableFunction, event = {}) =>
    (await (
      await l.load(fn)
    )(event, {})) as Seen;

  it('a function without table access sees no TABLE_NAME, at load or at call, though the process has one', async () => {
    const l = loader();
    const seen = await call(l, probe('noTable', { startExecution: ['deadlineClock'] }));
    expect(seen.atLoad).toEqual({ [ARN_ENV]: RESOURCES.stateMachineArns.deadlineClock });
    expect(seen.atCall).toEqual({ [ARN_ENV]: RESOURCES.stateMachineArns.deadlineClock });
    expect(process.env[ENV.tableName]).toBe('process-table');
  });

  it('a function with table access only sees TABLE_NAME, and no bucket or state machine', async () => {
    const l = loader();
    const seen = await call(l, probe('tableOnly', { table: 'read' }, 'env-probe-other.ts'));
    expect(seen.atLoad).toEqual({ [ENV.tableName]: RESOURCES.tableName });
    expect(seen.atCall).toEqual({ [ENV.tableName]: RESOURCES.tableName });
  });

  it('keeps two functions apart while their invocations interleave, and a write stays in its function', async () => {
    const l = loader();
    const a = probe('a', {});
    const b = probe('b', { bucket: { staging: ['write'] } });
    const [seenA, seenB] = await Promise.all([
      call(l, a, { write: 'from-a', waitMs: 30 }),
      call(l, b, { waitMs: 10 }),
    ]);
    expect(seenA.atCall).toEqual({ PROBE_WRITE: 'from-a' });
    expect(seenB.atCall).toEqual({ [ENV.bucketName]: RESOURCES.bucketName });
    // Like a container's environment, the write lasts for the function's next invocation only.
    expect((await call(l, a)).atCall).toEqual({ PROBE_WRITE: 'from-a' });
    expect((await call(l, b)).atCall).not.toHaveProperty('PROBE_WRITE');
    expect(process.env.PROBE_WRITE).toBeUndefined();
  });

  it('invokes a function table entry the way Lambda does, in its own environment', async () => {
    const l = loader();
    const seen = (await invokeFunction(
      l,
      {
        ...probe('viaInvoke', { table: { items: ['dynamodb:GetItem'] } }),
        functionName: 'f',
        timeoutMs: 5_000,
      },
      {},
    )) as Seen;
    expect(seen.atCall).toEqual({ [ENV.tableName]: RESOURCES.tableName });
  });
});

describe('the offline cloud reads the function table', () => {
  it('serves every stream consumer with its filters, batch size, retries and timeout', () => {
    expect(STREAM_CONSUMERS).toEqual(
      streamConsumers().map((fn) => ({
        id: fn.id,
        entry: fn.entry,
        access: fn.access,
        functionName: localFunctionName(fn.entry),
        filters: fn.source.filters,
        batchSize: fn.source.batchSize,
        maxRetries: fn.source.retryAttempts,
        timeoutMs: fn.timeoutSeconds * 1000,
        memoryMb: fn.memoryMb,
      })),
    );
  });

  it("runs every Task of the deadline clock with its entry's handler, timeout and access", async () => {
    const machine = await deadlineClockMachine(REPO_ROOT);
    const tasks = tasksOf('deadlineClock');
    expect(Object.keys(machine.tasks).sort()).toEqual(tasks.map((t) => t.source.state).sort());
    for (const task of tasks)
      expect(machine.tasks[task.source.state]).toMatchObject({
        id: task.id,
        entry: task.entry,
        access: task.access,
        timeoutMs: task.timeoutSeconds * 1000,
      });
  });

  it('gives every placeholder of the ASL file a value: the local ARN of its Task function', async () => {
    const machine = await deadlineClockMachine(REPO_ROOT);
    const asl = readAsl(REPO_ROOT, 'deadlineClock');
    expect(asl.placeholders.length).toBeGreaterThan(0);
    const text = JSON.stringify(machine.definition);
    expect(text).not.toContain('${');
    for (const task of tasksOf('deadlineClock')) {
      expect(asl.placeholders).toContain(task.source.placeholder);
      expect((machine.definition.States[task.source.state] as { Resource: string }).Resource).toBe(
        localLambdaArn(task.entry),
      );
    }
  });
});

describe('WEBHOOK_LOOPBACK_ALLOWED offline', () => {
  const allowing: LocalResources = { ...RESOURCES, webhookLoopbackAllowed: true };

  it('is given to the routes that check webhook targets, and to no other', () => {
    const given = ROUTES.filter(
      (r) => environmentFor(r.access, {}, allowing)[ENV.webhookLoopbackAllowed] === 'true',
    );
    expect(given.map((r) => r.id).sort()).toEqual(['createWebhookSubscription', 'updateWebhookSubscription']);
  });

  it('is not given where the cloud does not allow loopback', () => {
    const env = environmentFor(
      { table: 'read', webhookTargets: true },
      {},
      { ...allowing, webhookLoopbackAllowed: false },
    );
    expect(env[ENV.webhookLoopbackAllowed]).toBeUndefined();
  });
});

describe('the local mailbox’s endpoints offline', () => {
  const mail = {
    sesEndpoint: 'http://127.0.0.1:3000/_local/ses',
    snsEndpoint: 'http://127.0.0.1:3000/_local/sns',
    emailFrom: 'thongbao@motcua.local',
  };
  const withMail: LocalResources = { ...RESOURCES, mail };

  it('are given, with the sender address, to the functions whose access names notifications only', () => {
    const given = [...ROUTES, ...FUNCTIONS].filter(
      (f) => environmentFor(f.access, {}, withMail).AWS_ENDPOINT_URL_SESV2 !== undefined,
    );
    expect(given.map((f) => f.id)).toEqual(['sendNotifications']);
    expect(environmentFor({ notifications: true }, COMMON, withMail)).toEqual({
      ...COMMON,
      AWS_ENDPOINT_URL_SESV2: mail.sesEndpoint,
      AWS_ENDPOINT_URL_SNS: mail.snsEndpoint,
      [ENV.notifyEmailFrom]: mail.emailFrom,
    });
  });
});

describe('the local KMS offline (personal data, issue 11 §5)', () => {
  const kms = { endpoint: 'http://127.0.0.1:4599', keyId: 'arn:aws:kms:ap-southeast-1:000000000000:key/x' };
  const withKms: LocalResources = { ...RESOURCES, kms };

  it('is given, with the key id, to the routes and functions whose access names personalData only', () => {
    const given = [...ROUTES, ...FUNCTIONS].filter(
      (f) => environmentFor(f.access, {}, withKms).AWS_ENDPOINT_URL_KMS !== undefined,
    );
    const named = [...ROUTES, ...FUNCTIONS].filter(
      (f) => (f.access as { personalData?: boolean }).personalData === true,
    );
    expect(given.map((f) => f.id)).toEqual(named.map((f) => f.id));
    expect(given.map((f) => f.id)).toEqual(expect.arrayContaining(['getDossier', 'sendNotifications']));
    expect(given.map((f) => f.id)).not.toContain('trackDossier');
    expect(environmentFor({ personalData: true }, COMMON, withKms)).toEqual({
      ...COMMON,
      AWS_ENDPOINT_URL_KMS: kms.endpoint,
      [ENV.personalDataKeyId]: kms.keyId,
    });
    expect(environmentFor({ table: 'read' }, COMMON, withKms)).not.toHaveProperty('AWS_ENDPOINT_URL_KMS');
  });
});
