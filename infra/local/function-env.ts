/**
 * Each offline function sees only its own environment, as each Lambda does: the variables every
 * function gets (region, credentials, the emulators' endpoints, Powertools settings) plus those its
 * `access` names (shared/api/functions.ts, shared/api/routes.ts) — TABLE_NAME with table access,
 * BUCKET_NAME with bucket access, a state machine's ARN when it may start executions of it. So a
 * function whose access lacks a resource fails offline as it would in AWS ("Missing environment
 * variable TABLE_NAME" at its cold start), instead of working here because a neighbour needed it.
 *
 * How, in one process: `process.env` becomes a view that, inside `withEnvironment(env, …)`, shows
 * `env` and nothing else; the handler loader runs each function's module load and every invocation
 * in its own environment (AsyncLocalStorage follows the invocation through every await, timer and
 * SDK call). Outside any function the cloud sees the process's own environment.
 *
 * Why an overlay and not one module instance per function: the handlers share process-wide state
 * with the cloud that must stay one (the test clock that POST /_local/clock moves, the commit
 * barrier on the handlers' DynamoDB client), and loading the SDK and the route table's schemas once
 * per function would multiply the start-up on a 2-core machine. What the overlay cannot show: a
 * shared module that captured a variable when *another* function (or the cloud's seed) loaded it
 * would serve it to later functions too; the data layer reads the table and bucket names on each
 * call for that reason. Every read a function's own load or call makes is exact, and the resource
 * behind any variable is still refused to a function whose access lacks it, by the access guard
 * (access-guard.ts), as IAM refuses it in AWS.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { WORKFLOWS, type FunctionAccess, type WorkflowId } from '../../shared/api/functions';
import { QUEUES, type QueueId } from '../../shared/api/queues';
import { ENV } from '../../shared/platform/env';

export type Environment = Record<string, string>;

/** The resources the offline cloud provides, by what an `access` calls them. */
export interface LocalResources {
  tableName: string;
  bucketName: string;
  stateMachineArns: Readonly<Record<WorkflowId, string>>;
  queueUrls: Readonly<Record<QueueId, string>>;
  /**
   * Webhooks may reach loopback (the offline cloud's receivers on 127.0.0.1): given as
   * WEBHOOK_LOOPBACK_ALLOWED=true to the functions whose access names `webhookTargets`. The
   * tenant's settings must allow it too. CDK has no such variable.
   */
  webhookLoopbackAllowed?: boolean;
  /**
   * The local issuer's Cognito API and pool: known once the gateway listens, before any request
   * reaches a handler. Only functions whose access names `cognito` see them.
   */
  cognito?: { endpoint: string; userPoolId: string };
  /** The gateway's own base URL, known once it listens (cloud.ts sets it before it answers). */
  publicBaseUrl?: string;
  /**
   * The local mailbox's SES v2 and SNS endpoints (served by the gateway, infra/local/mail) and the
   * sender address: only functions whose access names `notifications` see them.
   */
  mail?: { sesEndpoint: string; snsEndpoint: string; emailFrom: string };
  /** The local KMS (infra/local/kms.ts) and its key: only functions whose access names `personalData`. */
  kms?: { endpoint: string; keyId: string };
}

/** The variables `access` grants, on top of `common` (what every function gets). */
export function environmentFor(
  access: FunctionAccess,
  common: Readonly<Environment>,
  resources: LocalResources,
): Environment {
  const env: Environment = { ...common };
  if (access.table !== undefined) env[ENV.tableName] = resources.tableName;
  if (access.bucket !== undefined) env[ENV.bucketName] = resources.bucketName;
  if (access.cognito !== undefined && resources.cognito) {
    env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = resources.cognito.endpoint;
    env[ENV.userPoolId] = resources.cognito.userPoolId;
  }
  if (access.publicBaseUrl && resources.publicBaseUrl !== undefined)
    env[ENV.publicBaseUrl] = resources.publicBaseUrl;
  if (access.notifications === true && resources.mail) {
    // The names the SDK v3 reads for these services (AWS_ENDPOINT_URL_<serviceId>).
    env.AWS_ENDPOINT_URL_SESV2 = resources.mail.sesEndpoint;
    env.AWS_ENDPOINT_URL_SNS = resources.mail.snsEndpoint;
    env[ENV.notifyEmailFrom] = resources.mail.emailFrom;
  }
  if (access.personalData === true && resources.kms) {
    env.AWS_ENDPOINT_URL_KMS = resources.kms.endpoint;
    env[ENV.personalDataKeyId] = resources.kms.keyId;
  }
  for (const workflow of access.startExecution ?? [])
    env[WORKFLOWS[workflow].arnEnv] = resources.stateMachineArns[workflow];
  for (const queue of queuesNamedBy(access)) env[QUEUES[queue].urlEnv] = resources.queueUrls[queue];
  if (access.webhookTargets === true && resources.webhookLoopbackAllowed === true)
    env[ENV.webhookLoopbackAllowed] = 'true';
  return env;
}

/**
 * A tenant-scoped route's variables (issue 11 §3): its own tenant data role and the local STS that
 * issues it (AWS_ENDPOINT_URL_STS), as CDK gives TENANT_DATA_ROLE_ARN to the same routes
 * (shared/api/tenant-scope.ts decides which). No other function sees either.
 */
export function tenantDataEnvironment(
  scoped: boolean,
  sts: { endpoint: string; roleArn: string } | undefined,
): Environment {
  if (!scoped || sts === undefined) return {};
  return { [ENV.tenantDataRoleArn]: sts.roleArn, AWS_ENDPOINT_URL_STS: sts.endpoint };
}

/** Every queue an access names, to send to or to consume. */
export const queuesNamedBy = (access: FunctionAccess): QueueId[] => [
  ...new Set([...(access.queue?.send ?? []), ...(access.queue?.consume ? [access.queue.consume] : [])]),
];

/** The function running now: its environment, and its access for the offline access guard. */
interface RunningFunction {
  id: string;
  env: Environment;
  access: FunctionAccess;
}
const current = new AsyncLocalStorage<RunningFunction>();
const INSTALLED = Symbol.for('motcua.functionEnvironment');

/**
 * Replaces `process.env` with the per-function view (once per process; later calls do nothing).
 * Returns the undo, for tests.
 */
export function installEnvironmentOverlay(): () => void {
  const own = process.env;
  if ((own as Record<symbol, unknown>)[INSTALLED]) return () => undefined;
  const target = (): Record<string | symbol, string | undefined> =>
    (current.getStore()?.env ?? own) as Record<string | symbol, string | undefined>;
  // The proxy's own target is an empty object, so the proxy invariants never bind it to `own`.
  const view = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_, key) => (key === INSTALLED ? true : target()[key]),
    // Like Lambda: a function may change its own environment, never another's.
    set: (_, key, value) => {
      target()[key] = String(value);
      return true;
    },
    has: (_, key) => key in target(),
    deleteProperty: (_, key) => delete target()[key],
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const value = target()[key];
      return value === undefined
        ? undefined
        : { value, writable: true, enumerable: true, configurable: true };
    },
    defineProperty: (_, key, descriptor) => {
      target()[key] = String(descriptor.value);
      return true;
    },
  });
  process.env = view;
  return () => {
    if (process.env === view) process.env = own;
  };
}

/** Runs `body` (and everything it awaits) as function `fn`: seeing `fn.env` as `process.env`. */
export function asFunction<T>(fn: RunningFunction, body: () => T): T {
  return current.run(fn, body);
}

/** Runs `body` as the cloud's own code, e.g. a call the cloud adds to a function's request. */
export const asCloud = <T>(body: () => T): T => current.exit(body);

/** The function whose code is running, or undefined for the cloud's own code. */
export const runningFunction = (): Readonly<RunningFunction> | undefined => current.getStore();
