/**
 * The offline cloud: DynamoDB Local, s3rver, the local token issuer, the offline API gateway, a
 * local Step Functions service, the stream poller that stands in for Lambda's event source
 * mappings and the sweep that stands in for the bucket's lifecycle rule, wired the way CDK wires
 * the real ones. Handlers run in this process, unchanged: the only thing
 * that tells them where AWS is are the standard AWS_ENDPOINT_URL_* variables set here.
 *
 * Start-up order is chosen for a 2-core machine: the JVM is spawned first, and the heavier modules
 * (AWS SDK, s3rver, the route table's schemas) load while it warms up. So only type imports and
 * light modules are imported statically here.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WORKFLOWS, type WorkflowId } from '../../shared/api/functions';
import { QUEUES, type QueueId } from '../../shared/api/queues';
import { clock } from '../../shared/platform/clock';
import { ENV } from '../../shared/platform/env';
import { launchDynamoDbLocal } from './dynamodb';
import { loadBinaryAssetsAsBytes } from './binary-assets';
import { allowRequireOfImportOnlyPackages } from './esm-interop';
import {
  environmentFor,
  tenantDataEnvironment,
  installEnvironmentOverlay,
  type Environment,
  type LocalResources,
} from './function-env';
import { createHandlerLoader } from './handler-loader';
import type { LocalIssuer, TokenIdentity } from './jwt-issuer';
import { defaultProvinceFile, loadProvince } from './province';
import type { ProvinceFile } from './seed';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_PORTS = { api: 3000, dynamodb: 8000, s3: 4569, sfn: 8083, sqs: 9324 } as const;
export const LOCAL_TABLE_NAME = 'mot-cua';
export const LOCAL_BUCKET_NAME = 'mot-cua-attachments';
/** The notifications' sender offline (in AWS: the verified SES identity, docs/deploy.md). */
export const LOCAL_EMAIL_FROM = 'thongbao@motcua.local';
/** The API stage's access log group, as its subscribers see it offline. */
export const LOCAL_ACCESS_LOG_GROUP = '/aws/apigateway/mot-cua/access';
const HOST = '127.0.0.1';
const REGION = 'ap-southeast-1';
/** s3rver accepts only its own keys; DynamoDB Local accepts any. */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface OfflineCloudOptions {
  /** Everything persistent lives here: dynamodb/, s3/, jwt/. Never wiped. */
  dataDir: string;
  /** `0` = any free port. Defaults: 3000, 8000, 4569, 8083. */
  port?: number;
  dynamoPort?: number;
  s3Port?: number;
  sfnPort?: number;
  sqsPort?: number;
  /**
   * Where the test clock starts (MOTCUA_CLOCK_NOW / MOTCUA_CLOCK_FROZEN). Applied before anything
   * runs, in particular before the executions left open by the last stop run again.
   */
  clock?: { now: Date; frozen: boolean };
  /** Defaults to MOTCUA_PROVINCE_FILE or the embedded `infra/local/demo-province.json`. */
  provinceFile?: string;
  /** No gateway access log. */
  quiet?: boolean;
  /**
   * Test knobs of the local SQS (never seen by function code): cap every hiding of a message at
   * this many ms (MOTCUA_LOCAL_SQS_MAX_DELAY_MS), and leave these queue consumers unpolled
   * (MOTCUA_LOCAL_PAUSED_CONSUMERS, function ids), for a test that reads their queue itself.
   */
  sqsMaxDelayMs?: number;
  pausedQueueConsumers?: readonly string[];
}

export interface OfflineCloud {
  baseUrl: string;
  /** A token per demo staff username, and `citizen` for the demo citizen. */
  tokens: Record<string, string>;
  ports: { api: number; dynamodb: number; s3: number; sfn: number; sqs: number };
  endpoints: { dynamodb: string; s3: string; sfn: string; sqs: string; kms: string };
  /** Local queue name → URL. */
  queues: Record<string, string>;
  /** State machine name → ARN. */
  stateMachines: Record<string, string>;
  /** Executions found RUNNING at start and run again. */
  resumedExecutions: number;
  tableName: string;
  bucketName: string;
  tenant: string;
  /** Milliseconds per start-up phase, to see where start-up time goes. */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export async function startOfflineCloud(options: OfflineCloudOptions): Promise<OfflineCloud> {
  // First, so a wrong Node fails before any emulator starts; the seed and handlers need it.
  allowRequireOfImportOnlyPackages();
  // Fonts are imported as bytes, as the Lambda bundle's esbuild loader gives them.
  loadBinaryAssetsAsBytes();
  if (options.clock) clock.setNow(options.clock.now, { frozen: options.clock.frozen });
  const dataDir = path.resolve(options.dataDir);
  const timings = phaseTimer();
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    // Gateway first (no new requests), then the emulators it talks to.
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    const dynamodb = await launchDynamoDbLocal({
      dbPath: path.join(dataDir, 'dynamodb'),
      port: options.dynamoPort ?? DEFAULT_PORTS.dynamodb,
    });
    stops.push(dynamodb.stop);

    const { startS3Local } = await import('./s3');
    const s3 = await startS3Local({
      directory: path.join(dataDir, 's3'),
      port: options.s3Port ?? DEFAULT_PORTS.s3,
    });
    stops.push(s3.stop);
    // The personal-data keys' KMS (infra/local/kms.ts): its master key lives under <dataDir>/kms.
    const { startLocalKms, LOCAL_KMS_KEY_ARN } = await import('./kms');
    const kms = await startLocalKms({ directory: path.join(dataDir, 'kms'), host: HOST });
    stops.push(kms.stop);
    const province = await loadProvince(options.provinceFile ?? defaultProvinceFile());
    const modules = await loadModules();
    // Tenant-scoped credentials (issue 11 §3): the local STS issues them, s3rver learns their keys,
    // and the access guard holds each to its session's tenant (below).
    const { startLocalSts, localTenantDataRoleArn } = await import('./sts');
    const { isTenantScoped } = await import('../../shared/api/tenant-scope');
    const scopedRoutes = new Set<string>(
      modules.routes.ROUTES.filter((r) => isTenantScoped(r)).map((r) => r.id),
    );
    const sts = await startLocalSts({
      host: HOST,
      isScopedFunction: (id) => scopedRoutes.has(id),
      onIssued: s3.registerKey,
    });
    stops.push(sts.stop);
    // One loader for every caller of handlers (gateway, Step Functions, streams): each function
    // loads and runs in its own environment, set up below once the emulators' endpoints are known.
    const functionEnvironment: { common?: Environment; resources?: LocalResources } = {};
    const undoOverlay = installEnvironmentOverlay();
    stops.push(async () => undoOverlay());
    const loader = createHandlerLoader(REPO_ROOT, {
      environmentOf: (fn) => {
        if (!functionEnvironment.common || !functionEnvironment.resources)
          throw new Error(`${fn.id} was called before the handlers' environment was set`);
        return {
          ...environmentFor(fn.access, functionEnvironment.common, functionEnvironment.resources),
          ...tenantDataEnvironment(scopedRoutes.has(fn.id), {
            endpoint: sts.endpoint,
            roleArn: localTenantDataRoleArn(fn.id),
          }),
        };
      },
    });
    const sfn = await modules.stepfunctions.startLocalStepFunctions({
      repoRoot: REPO_ROOT,
      dataDir,
      loader,
      host: HOST,
      port: options.sfnPort ?? DEFAULT_PORTS.sfn,
    });
    stops.push(sfn.stop);
    // The event bus's queues, durable under <dataDir>/sqs, served at AWS_ENDPOINT_URL_SQS.
    const sqsStore = await modules.sqsStore.SqsStore.open(
      path.join(dataDir, 'sqs'),
      modules.sqsQueues.localQueueConfigs(),
      { maxHideMs: options.sqsMaxDelayMs },
    );
    const sqs = await modules.sqsServer.startLocalSqs({
      store: sqsStore,
      host: HOST,
      port: options.sqsPort ?? DEFAULT_PORTS.sqs,
    });
    stops.push(async () => {
      await sqs.stop();
      await sqsStore.flush();
    });
    const queueUrls = Object.fromEntries(
      (Object.keys(QUEUES) as QueueId[]).map((id) => [id, sqs.urlOf(modules.sqsQueues.localQueueName(id))]),
    ) as Record<QueueId, string>;
    const stateMachineArns = Object.fromEntries(
      Object.entries(modules.stepfunctions.LOCAL_MACHINE_NAMES).map(([id, name]) => [id, sfn.arns[name]]),
    ) as Record<WorkflowId, string>;
    timings.lap('load');
    await dynamodb.ready;
    timings.lap('dynamodb');

    const common = commonHandlerEnvironment(dynamodb.endpoint, s3.endpoint, sfn.endpoint, sqs.endpoint);
    const resources: LocalResources = {
      tableName: LOCAL_TABLE_NAME,
      bucketName: LOCAL_BUCKET_NAME,
      stateMachineArns,
      queueUrls,
      // Offline receivers listen on 127.0.0.1; a tenant's settings must allow loopback as well.
      webhookLoopbackAllowed: true,
      kms: { endpoint: kms.endpoint, keyId: LOCAL_KMS_KEY_ARN },
    };
    Object.assign(functionEnvironment, { common, resources });
    setProcessEnvironment(common, resources);
    // The handlers' clients, created now that their environment is set (see the module for why).
    const [clients, { awaitTransactionCommits }, guards, meters] = await Promise.all([
      import('../../shared/platform/aws-clients'),
      import('./dynamodb-commit-barrier'),
      import('./access-guard'),
      import('./meter'),
    ]);
    // Every DynamoDB and S3 client, the per-tenant ones the handlers make later included.
    const baseDynamo = clients.getDynamoClient();
    clients.onDynamoClient((client) => {
      awaitTransactionCommits(client, baseDynamo);
      // IAM, offline: each call is checked against the access of the function making it, and the
      // key it is signed with against its session's tenant.
      guards.guardDynamoDb(client, LOCAL_TABLE_NAME);
      guards.guardDynamoDbTenantKeys(client, LOCAL_TABLE_NAME, sts);
      meters.meterDynamoDb(client);
    });
    clients.onS3Client((client) => {
      guards.guardS3(client, LOCAL_BUCKET_NAME);
      guards.guardS3TenantKeys(client, LOCAL_BUCKET_NAME, sts);
    });
    guards.guardStepFunctions(clients.getSfnClient(), stateMachineArns);
    guards.guardSqs(clients.getSqsClient(), (name) =>
      (Object.keys(QUEUES) as QueueId[]).find((id) => modules.sqsQueues.localQueueName(id) === name),
    );
    guards.guardNotifications(clients.getSesClient(), clients.getSnsClient());
    // What the bill would count (GET /_local/meter): units, requests, by operation.
    meters.meterCalls(clients.getSqsClient(), 'sqs');
    meters.meterCalls(clients.getSfnClient(), 'stepFunctions');
    meters.meterCalls(clients.getSesClient(), 'ses');
    meters.meterCalls(clients.getSnsClient(), 'sns');
    await provisionResources(modules, dynamodb.endpoint, s3.endpoint);
    timings.lap('provision');

    // In place of the bucket's lifecycle rule for unconfirmed uploads. Like the seed, the data layer
    // it asks about records can load only now.
    const { getAttachment } = await import('../../shared/data/attachment-repo');
    const sweepClient = localS3Client(modules, s3.endpoint);
    const stagingSweep = modules.stagingSweep.startStagingSweep({
      s3: sweepClient,
      bucket: LOCAL_BUCKET_NAME,
      lookup: getAttachment,
    });
    stops.push(async () => {
      await stagingSweep.stop();
      sweepClient.destroy();
    });

    // Executions left RUNNING by the last stop run again from their start, now that the handlers'
    // environment and the initial test clock are in place.
    const resumedExecutions = await sfn.service.resumeOpen();
    const poller = await modules.streams.startStreamPoller({
      dynamodbEndpoint: dynamodb.endpoint,
      region: REGION,
      credentials: LOCAL_CREDENTIALS,
      tableName: LOCAL_TABLE_NAME,
      dataDir,
      consumers: modules.consumers.STREAM_CONSUMERS,
      loader,
    });
    stops.push(poller.stop);
    const queuePoller = modules.sqsPoller.startQueuePoller({
      store: sqsStore,
      consumers: modules.sqsPoller
        .QUEUE_CONSUMERS()
        .filter((c) => !(options.pausedQueueConsumers ?? []).includes(c.id)),
      loader,
      region: REGION,
    });
    stops.push(queuePoller.stop);
    timings.lap('workflows');

    const { findAgencyClient } = await import('../../shared/data/agency-client-repo');
    const appClients = await modules.cognitoClients.openLocalAppClients(path.join(dataDir, 'cognito'));
    // What the SES and SNS stand-ins accepted, durable under <dataDir>/mail (GET /_local/mail).
    const mailbox = await modules.mailbox.openMailbox(path.join(dataDir, 'mail'));
    // Users sign in with tokens of the issuer the gateway makes once it listens.
    const issuerHolder: { issuer?: LocalIssuer } = {};
    const users = await modules.cognitoUsers.openLocalUsers(path.join(dataDir, 'cognito'), (identity) => {
      if (!issuerHolder.issuer) throw new Error('the local issuer is not ready');
      return issuerHolder.issuer.issueToken(identity);
    });
    // One Cognito endpoint: the user calls to the user store, the app-client calls to the clients.
    const cognito: typeof appClients = {
      authenticate: appClients.authenticate,
      handle: (target, body) =>
        users.serves(target) ? users.handle(target, body) : appClients.handle(target, body),
    };
    // The access log's subscription: the gateway's lines reach the API-call counter in batches.
    // Stopped after the gateway (stops run in reverse), so the last lines are counted.
    const accessLogs = modules.logSubscription.startLogSubscription({
      logGroup: 'apiAccessLog',
      logGroupName: LOCAL_ACCESS_LOG_GROUP,
      loader,
    });
    stops.push(accessLogs.stop);
    const gateway = await modules.gateway.startGateway({
      routes: modules.routes.ROUTES,
      repoRoot: REPO_ROOT,
      loader,
      province,
      host: HOST,
      port: options.port ?? DEFAULT_PORTS.api,
      quiet: options.quiet,
      // A moved clock would leave sleeping executions waking at the old time: start them over. And
      // uploads it made older expire now, as they would have while that time passed.
      onClockMoved: () => {
        void sfn.service.restartRunning();
        void stagingSweep.sweep();
      },
      agencySystems: { clients: cognito, token: { lookup: findAgencyClient } },
      mailbox,
      accessLog: (line) => accessLogs.write(line),
      staffIdentity: (username) => users.identity(username),
      createIssuer: (baseUrl) =>
        modules.jwt.createLocalIssuer({ keyDir: path.join(dataDir, 'jwt'), issuerUrl: `${baseUrl}/_local` }),
    });
    stops.push(gateway.stop);
    resources.cognito = {
      endpoint: `${gateway.baseUrl}${modules.cognitoClients.COGNITO_PATH}`,
      userPoolId: modules.cognitoClients.LOCAL_USER_POOL_ID,
    };
    // As CDK gives the API's URL to the functions that print links: known only now that it listens.
    resources.publicBaseUrl = gateway.baseUrl;
    resources.mail = {
      sesEndpoint: `${gateway.baseUrl}${modules.mailService.SES_PATH}`,
      snsEndpoint: `${gateway.baseUrl}${modules.mailService.SNS_PATH}`,
      emailFrom: LOCAL_EMAIL_FROM,
    };
    issuerHolder.issuer = gateway.issuer;
    timings.lap('gateway');
    // The seed is a user of the operator, admin and staff use cases, which reach Cognito (here the
    // gateway's stand-in): so it runs once the gateway listens, with the endpoint in its environment.
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: resources.cognito.endpoint,
      [ENV.userPoolId]: resources.cognito.userPoolId,
    });
    const { seedProvince, LOCAL_OPERATOR } = await import('./seed');
    await seedProvince(province);
    const tokens = await demoTokens(modules, gateway.issuer, province, (u) => users.identity(u), [
      LOCAL_OPERATOR.username,
    ]);
    timings.lap('seed');

    return {
      baseUrl: gateway.baseUrl,
      tokens,
      ports: { api: gateway.port, dynamodb: dynamodb.port, s3: s3.port, sfn: sfn.port, sqs: sqs.port },
      endpoints: {
        dynamodb: dynamodb.endpoint,
        s3: s3.endpoint,
        sfn: sfn.endpoint,
        sqs: sqs.endpoint,
        kms: kms.endpoint,
      },
      queues: Object.fromEntries(sqsStore.names().map((name) => [name, sqs.urlOf(name)])),
      stateMachines: sfn.arns,
      resumedExecutions,
      tableName: LOCAL_TABLE_NAME,
      bucketName: LOCAL_BUCKET_NAME,
      tenant: province.tenant.id,
      timings: timings.result,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The heavier modules, loaded together while DynamoDB Local starts. */
function loadModules() {
  return loadTogether({
    gateway: import('./gateway'),
    cognitoClients: import('./cognito-clients'),
    cognitoUsers: import('./cognito-users'),
    routes: import('../../shared/api/routes'),
    jwt: import('./jwt-issuer'),
    identities: import('./identities'),
    provision: import('./provision'),
    dynamodbSdk: import('@aws-sdk/client-dynamodb'),
    s3Sdk: import('@aws-sdk/client-s3'),
    stepfunctions: import('./stepfunctions'),
    streams: import('./streams/poller'),
    consumers: import('./streams/consumers'),
    stagingSweep: import('./staging-sweep'),
    sqsStore: import('./sqs/store'),
    sqsServer: import('./sqs/server'),
    sqsQueues: import('./sqs/queues'),
    sqsPoller: import('./sqs/poller'),
    logSubscription: import('./logs/subscription'),
    mailbox: import('./mail/mailbox'),
    mailService: import('./mail/service'),
  });
}

/** Awaits every promise of a record at once, keeping each one's name and type. */
async function loadTogether<T extends Record<string, Promise<unknown>>>(
  pending: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = await Promise.all(
    Object.entries(pending).map(async ([name, promise]) => [name, await promise] as const),
  );
  return Object.fromEntries(entries) as { [K in keyof T]: Awaited<T[K]> };
}
type Modules = Awaited<ReturnType<typeof loadModules>>;

function phaseTimer() {
  const result: Record<string, number> = {};
  let since = performance.now();
  return {
    result,
    lap(name: string) {
      const now = performance.now();
      result[name] = Math.round(now - since);
      since = now;
    },
  };
}

/**
 * What every function gets, whatever its access: what Lambda itself sets (region, credentials),
 * what CDK sets on every function (Powertools), and where the emulators are. The variables an
 * `access` names come on top, per function (infra/local/function-env.ts). Set before any handler
 * module loads, because configuration is read once at cold start.
 */
function commonHandlerEnvironment(
  dynamodbEndpoint: string,
  s3Endpoint: string,
  sfnEndpoint: string,
  sqsEndpoint: string,
): Environment {
  const env: Environment = {
    AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
    AWS_ENDPOINT_URL_S3: s3Endpoint,
    AWS_ENDPOINT_URL_SFN: sfnEndpoint,
    AWS_ENDPOINT_URL_SQS: sqsEndpoint,
    [ENV.s3ForcePathStyle]: 'true',
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    // s3rver does not understand the SDK's default CRC32 checksums.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    // Suspension shows at once offline (30 s in AWS: shared/platform/tenant-gate.ts).
    [ENV.tenantStatusCacheSeconds]: '1',
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_SERVICE_NAME: 'mot-cua',
    POWERTOOLS_METRICS_NAMESPACE: 'MotCua',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL || 'WARN',
    // Metrics go to stdout as CloudWatch EMF records, which nothing reads offline.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED || 'true',
  };
  // Fair-share limits, when the cloud is given some (tests and the bench set small ones); unset,
  // the functions use the defaults, as in AWS.
  const limits = process.env[ENV.fairShareLimits];
  if (limits) env[ENV.fairShareLimits] = limits;
  // A Lambda runtime has these too; the SDK and Node may look at them.
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG'])
    if (process.env[name] !== undefined) env[name] = process.env[name] as string;
  return env;
}

/**
 * The cloud's own code (the seed, the staging sweep) uses the data layer outside any function, so
 * the process itself gets every variable.
 */
function setProcessEnvironment(common: Environment, resources: LocalResources): void {
  Object.assign(process.env, common, {
    [ENV.tableName]: resources.tableName,
    [ENV.bucketName]: resources.bucketName,
    ...Object.fromEntries(
      Object.entries(resources.stateMachineArns).map(([id, arn]) => [
        WORKFLOWS[id as WorkflowId].arnEnv,
        arn,
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(resources.queueUrls).map(([id, url]) => [QUEUES[id as QueueId].urlEnv, url]),
    ),
    ...(resources.kms
      ? { AWS_ENDPOINT_URL_KMS: resources.kms.endpoint, [ENV.personalDataKeyId]: resources.kms.keyId }
      : {}),
  });
  // A session token left over from a real AWS login would ride along on every local call.
  delete process.env.AWS_SESSION_TOKEN;
}

async function provisionResources(
  modules: Modules,
  dynamodbEndpoint: string,
  s3Endpoint: string,
): Promise<void> {
  const dynamodb = new modules.dynamodbSdk.DynamoDBClient({
    endpoint: dynamodbEndpoint,
    region: REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const s3 = localS3Client(modules, s3Endpoint);
  try {
    await modules.provision.provision({
      dynamodb,
      s3,
      tableName: LOCAL_TABLE_NAME,
      bucketName: LOCAL_BUCKET_NAME,
    });
  } finally {
    dynamodb.destroy();
    s3.destroy();
  }
}

/** An S3 client for the cloud's own calls to s3rver (the handlers get theirs from the environment). */
function localS3Client(modules: Modules, s3Endpoint: string) {
  return new modules.s3Sdk.S3Client({
    endpoint: s3Endpoint,
    region: REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** A token per demo staff member and extra account (the operator), signed in from the user store. */
async function demoTokens(
  modules: Modules,
  issuer: LocalIssuer,
  province: ProvinceFile,
  identityOf: (username: string) => TokenIdentity | undefined,
  extra: readonly string[],
): Promise<Record<string, string>> {
  const { citizenIdentity, DEMO_CITIZEN } = modules.identities;
  const tokens: Record<string, string> = {};
  for (const username of [...province.staff.map((s) => s.username), ...extra]) {
    const identity = identityOf(username);
    if (identity) tokens[username] = await issuer.issueToken(identity);
  }
  tokens.citizen = await issuer.issueToken(citizenIdentity(province, DEMO_CITIZEN));
  return tokens;
}
