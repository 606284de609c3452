/**
 * One Lambda function with the project's defaults baked in, so a route (or a later workflow task)
 * states only what differs: its handler file and what it may touch.
 *
 * Defaults: Node 22 on arm64, one esbuild bundle per function (minified, ESM, source maps, AWS SDK
 * bundled so the code runs against the SDK versions it was tested with), X-Ray active, JSON logs to
 * its own log group with a retention, Powertools settings, 512 MB, 10 s.
 *
 * `bindAccess` turns the `access` of a route or function table entry into grants: `bindTable`,
 * `bindBucket` and `bindStartExecution` each set the environment variable the handler reads (names
 * from shared/platform/env.ts and shared/api/functions.ts) and the matching least-privilege grant
 * together, so neither is forgotten. The offline cloud gives a function the same variables from the
 * same `access` (infra/local/function-env.ts).
 */
import * as path from 'node:path';
import { ArnFormat, Duration, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import {
  NodejsFunction,
  OutputFormat,
  SourceMapMode,
  type BundlingOptions,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  WORKFLOWS,
  type FunctionAccess,
  type FunctionDef,
  type WorkflowId,
} from '../../shared/api/functions';
import { QUEUES, type QueueId } from '../../shared/api/queues';
import { ENV } from '../../shared/platform/env';
import { AUDIT_DENIED_ACTIONS, AUDIT_PARTITION_PATTERN } from '../../shared/data/audit-keys';
import {
  grantBucket,
  grantTable,
  grantTableItems,
  type BucketAccess,
  type TableAccess,
  type TableItemAction,
} from './access';
import { acknowledge, iam5ResourceFinding } from './nag';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { NotifyConfig } from '../stage';

/** Handler entries in the route table are relative to the repository root. */
/** The Cognito actions `cognito: 'agencyClients'` grants. */
export const AGENCY_CLIENT_ACTIONS = [
  'cognito-idp:CreateUserPoolClient',
  'cognito-idp:DescribeUserPoolClient',
  'cognito-idp:DeleteUserPoolClient',
] as const;

/**
 * The Cognito actions `cognito: 'users'` grants: what the staff and tenant-creation use cases call
 * (shared/data/user-directory.ts). No ListUsers (the staff index is in the table). Delete: a
 * tenant admin's staff delete and the operator's purge of a province.
 */
export const USER_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminDeleteUser',
] as const;

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * How every function is bundled. Exported for tests/infra/bundle-budget.test.ts, which bundles each
 * function with the same esbuild options to hold it to its size budget.
 */
export const FUNCTION_BUNDLING = {
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  // Stack traces need line mappings, not a second copy of the sources in every zip.
  sourcesContent: false,
  target: 'node22',
  // ESM: middy and other dependencies ship ESM only, and ESM lets esbuild drop unused SDK code.
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  bundleAwsSDK: true,
  // Fonts travel inside the bundle as bytes (shared/forms/fonts.ts): nothing to read from disk.
  loader: { '.ttf': 'binary' },
  esbuildArgs: {
    // fontkit (pdfkit's font engine, getDossierForm) imports brotli's decoder (475 KB) for WOFF2
    // fonts only; ours are TrueType, so a stub that throws takes its place (shared/forms/no-brotli.ts
    // says why it is never called). esbuild resolves the target in its working directory, which
    // CDK's local bundling sets to the project root.
    '--alias:brotli/decompress.js': './shared/forms/no-brotli.ts',
    // exceljs's Workbook module loads its CSV reader/writer, which calls fast-csv only for
    // `workbook.csv`; the export writes .xlsx only (shared/usecases/no-fast-csv.ts says why).
    '--alias:fast-csv': './shared/usecases/no-fast-csv.ts',
  },
} as const satisfies BundlingOptions;

export const FUNCTION_DEFAULTS = {
  runtime: Runtime.NODEJS_22_X,
  architecture: Architecture.ARM_64,
  memorySize: 512,
  timeout: Duration.seconds(10),
  serviceName: 'mot-cua',
  metricsNamespace: 'MotCua',
} as const;

export interface ApiFunctionProps {
  /** Handler module relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description?: string;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
  readonly environment?: Record<string, string>;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  /** `POWERTOOLS_SERVICE_NAME`; one service for the whole app unless a function stands apart. */
  readonly serviceName?: string;
}

export interface BindTableOptions {
  readonly table: ITableV2;
  readonly access: TableAccess;
}

export interface BindTableItemsOptions {
  readonly table: ITableV2;
  /** The item actions the handler calls, and nothing else. */
  readonly actions: readonly TableItemAction[];
}

export interface BindBucketOptions {
  readonly bucket: IBucket;
  readonly access: BucketAccess;
}

/** The resources an `access` may name, as this stack sees them. */
export interface AccessResources {
  readonly table?: ITableV2;
  readonly bucket?: IBucket;
  readonly workflows?: Partial<Record<WorkflowId, StateMachine>>;
  /** The event bus's queues (infra/constructs/event-bus.ts). */
  readonly queues?: Partial<Record<QueueId, IQueue>>;
  readonly userPool?: IUserPool;
  /** The API's URL, for functions that print links to it (the forms' QR code). */
  readonly publicBaseUrl?: string;
  /** Notifications' SES identity and SMS settings, for functions whose access names `notifications`. */
  readonly notify?: NotifyConfig;
  /** The key wrapping tenants' personal-data keys, for functions whose access names `personalData`. */
  readonly personalDataKey?: IKey;
}

/**
 * The audit log is append-only (issue 11 §6): every function's role, whatever else it is granted,
 * carries an explicit Deny of every change or removal of an item in an audit partition, on every
 * table of the account and region. An explicit Deny wins over any Allow, so a grant added later
 * (`readWrite`, a new item action) cannot undo it. Inline in the role itself rather than a policy
 * attached beside it: it is created with the role and cannot be detached on its own.
 * PutItem stays allowed where granted (records are appended with it): IAM has no condition on a
 * write's ConditionExpression, so replacing a record with a Put of the same key is kept out by the
 * code (`attribute_not_exists`) and the key's random id, not by IAM (docs/audit.md).
 */
export function auditAppendOnly(stack: Stack): PolicyDocument {
  return new PolicyDocument({
    statements: [
      new PolicyStatement({
        sid: 'AuditRecordsAreAppendOnly',
        effect: Effect.DENY,
        actions: [...AUDIT_DENIED_ACTIONS],
        resources: [stack.formatArn({ service: 'dynamodb', resource: 'table', resourceName: '*' })],
        conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_PARTITION_PATTERN] } },
      }),
    ],
  });
}

export class ApiFunction extends Construct {
  public readonly function: NodejsFunction;
  public readonly logGroup: LogGroup;
  public readonly role: Role;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });

    // An own role instead of the default one, which would attach the AWS managed policy
    // AWSLambdaBasicExecutionRole (logs:* on every log group in the account; cdk-nag IAM4).
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.entry}`,
      inlinePolicies: { AuditAppendOnly: auditAppendOnly(Stack.of(this)) },
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: FUNCTION_DEFAULTS.runtime,
      architecture: FUNCTION_DEFAULTS.architecture,
      memorySize: props.memorySize ?? FUNCTION_DEFAULTS.memorySize,
      timeout: props.timeout ?? FUNCTION_DEFAULTS.timeout,
      role: this.role,
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      // Lambda passes the level to Powertools Logger as AWS_LAMBDA_LOG_LEVEL.
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName ?? FUNCTION_DEFAULTS.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: FUNCTION_DEFAULTS.metricsNamespace,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: FUNCTION_BUNDLING,
    });

    acknowledge(
      this.function,
      'AwsSolutions-L1',
      'Node 22 on purpose: the offline cloud, CI and the tests run Node 22 (npm package node@22); ' +
        'the move to Node 24 is one change of FUNCTION_DEFAULTS.runtime, made with them.',
    );
    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray tracing (Tracing.ACTIVE): xray:PutTraceSegments and xray:PutTelemetryRecords have no ' +
        'resource-level permissions, so AWS requires Resource "*".',
    );
  }

  /** Every grant and variable `access` names, and nothing else. */
  public bindAccess(access: FunctionAccess, resources: AccessResources): this {
    const need = <T>(resource: T | undefined, what: string): T => {
      if (resource === undefined)
        throw new Error(`${this.node.path}: its access names ${what}, not given here`);
      return resource;
    };
    if (access.table !== undefined) {
      const table = need(resources.table, 'the table');
      if (typeof access.table === 'string') this.bindTable({ table, access: access.table });
      else this.bindTableItems({ table, actions: access.table.items });
    }
    if (access.bucket !== undefined)
      this.bindBucket({ bucket: need(resources.bucket, 'the bucket'), access: access.bucket });
    if (access.publicBaseUrl)
      this.function.addEnvironment(ENV.publicBaseUrl, need(resources.publicBaseUrl, 'the public base URL'));
    for (const workflow of access.startExecution ?? []) {
      this.bindStartExecution(workflow, need(resources.workflows?.[workflow], `state machine ${workflow}`));
    }
    for (const queue of access.queue?.send ?? [])
      this.bindQueue(queue, need(resources.queues?.[queue], `queue ${queue}`), ['sqs:SendMessage']);
    const consumed = access.queue?.consume;
    if (consumed !== undefined)
      // What an SQS event source mapping needs (Lambda polls with the function's role), and
      // ChangeMessageVisibility only for a consumer that backs off by itself.
      this.bindQueue(consumed, need(resources.queues?.[consumed], `queue ${consumed}`), [
        'sqs:ReceiveMessage',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        ...(access.queue?.changeVisibility ? ['sqs:ChangeMessageVisibility'] : []),
      ]);
    if (access.cognito === 'agencyClients') this.bindAgencyClients(need(resources.userPool, 'the user pool'));
    if (access.cognito === 'users') this.bindUserAdmin(need(resources.userPool, 'the user pool'));
    if (access.notifications === true)
      this.bindNotifications(need(resources.notify, 'the notification settings'));
    if (access.personalData === true)
      this.bindPersonalData(need(resources.personalDataKey, 'the personal-data key'));
    return this;
  }

  /**
   * PERSONAL_DATA_KEY_ID, and kms:GenerateDataKey and kms:Decrypt on that key only, and only with
   * a `tenant` encryption context (the one key of the context): a data key made or unwrapped
   * without naming its tenant is refused. Per-tenant credentials (issue 11 §3) narrow it further to
   * `kms:EncryptionContext:tenant` = the caller's tenant tag.
   */
  public bindPersonalData(key: IKey): this {
    this.function.addEnvironment(ENV.personalDataKeyId, key.keyArn);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [key.keyArn],
        conditions: {
          Null: { 'kms:EncryptionContext:tenant': 'false' },
          'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['tenant'] },
        },
      }),
    );
    return this;
  }

  /**
   * E-mail: NOTIFY_EMAIL_FROM and ses:SendEmail on the verified identity only (and on the
   * configuration set, which SES v2 also authorizes); without an identity, no grant and no
   * variable, and the sender sends no e-mail. SMS: sns:Publish, which for a phone number has no
   * resource to name (SMS are not published to an ARN), so `*` — with topics and platform
   * endpoints denied, so the grant can only ever send an SMS.
   */
  public bindNotifications(notify: NotifyConfig): this {
    const stack = Stack.of(this);
    if (notify.emailIdentity !== undefined && notify.emailFrom !== undefined) {
      this.function.addEnvironment(ENV.notifyEmailFrom, notify.emailFrom);
      const arn = (resource: string) =>
        stack.formatArn({ service: 'ses', resource, resourceName: undefined });
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [
            arn(`identity/${notify.emailIdentity}`),
            ...(notify.configurationSet ? [arn(`configuration-set/${notify.configurationSet}`)] : []),
          ],
        }),
      );
      if (notify.configurationSet)
        this.function.addEnvironment(ENV.notifyConfigurationSet, notify.configurationSet);
    }
    if (notify.smsSenderId) this.function.addEnvironment(ENV.notifySmsSenderId, notify.smsSenderId);
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray tracing needs Resource "*"; so does sns:Publish of an SMS to a phone number, which has ' +
        'no ARN (topics and platform endpoints are denied by the statement beside it).',
    );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        actions: ['sns:Publish'],
        resources: [stack.formatArn({ service: 'sns', resource: '*', region: '*', account: '*' })],
      }),
    );
    return this;
  }

  /** Sets the queue's URL variable and grants exactly `actions` on that queue. */
  public bindQueue(queue: QueueId, resource: IQueue, actions: readonly string[]): this {
    this.function.addEnvironment(QUEUES[queue].urlEnv, resource.queueUrl);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...actions], resources: [resource.queueArn] }),
    );
    if (actions.includes('sqs:SendMessage')) resource.encryptionMasterKey?.grantEncryptDecrypt(this.role);
    else resource.encryptionMasterKey?.grantDecrypt(this.role);
    return this;
  }

  /**
   * Sets `USER_POOL_ID` and grants making, reading and deleting app clients of this pool only:
   * what registering and revoking an agency's system calls (shared/usecases/agency-clients.ts).
   */
  public bindAgencyClients(userPool: IUserPool): this {
    this.function.addEnvironment(ENV.userPoolId, userPool.userPoolId);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...AGENCY_CLIENT_ACTIONS],
        resources: [userPool.userPoolArn],
      }),
    );
    return this;
  }

  /**
   * Sets `USER_POOL_ID` and grants the user admin calls on this pool only: the staff routes and
   * tenant creation. No other function can create or change users (the tenant admin never holds
   * IAM rights on the pool; the function writes tenant, agency and roles from the caller's token).
   */
  public bindUserAdmin(userPool: IUserPool): this {
    this.function.addEnvironment(ENV.userPoolId, userPool.userPoolId);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...USER_ADMIN_ACTIONS], resources: [userPool.userPoolArn] }),
    );
    return this;
  }

  /**
   * Sets the workflow's ARN variable and grants states:StartExecution on this state machine only,
   * and DescribeExecution on its executions: a clock whose execution failed is started again under
   * a suffixed name.
   */
  public bindStartExecution(workflow: WorkflowId, stateMachine: StateMachine): this {
    this.function.addEnvironment(WORKFLOWS[workflow].arnEnv, stateMachine.stateMachineArn);
    stateMachine.grantStartExecution(this.role);
    const executionsArn = Stack.of(this).formatArn({
      service: 'states',
      resource: 'execution',
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      resourceName: `${stateMachine.stateMachineName}:*`,
    });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['states:DescribeExecution'], resources: [executionsArn] }),
    );
    acknowledge(
      this.role,
      iam5ResourceFinding(this, executionsArn),
      'Executions are named per dossier and deadline version at run time, so only the pattern ' +
        '<state machine>:* can name them; DescribeExecution reads an execution of this state machine only.',
    );
    return this;
  }

  /** Sets `TABLE_NAME` and grants exactly `access` on the table and its declared indexes. */
  public bindTable({ table, access }: BindTableOptions): this {
    this.function.addEnvironment(ENV.tableName, table.tableName);
    grantTable(this.role, table, access);
    return this;
  }

  /**
   * Sets `TABLE_NAME` and grants exactly `actions` on the table (no index): for a function that is
   * not a route, whose calls are all known. Routes keep `bindTable` and their declared access.
   */
  public bindTableItems({ table, actions }: BindTableItemsOptions): this {
    this.function.addEnvironment(ENV.tableName, table.tableName);
    grantTableItems(this.role, table, actions);
    return this;
  }

  /** Sets `BUCKET_NAME` and grants exactly `access`, in the areas of the bucket it names. */
  public bindBucket({ bucket, access }: BindBucketOptions): this {
    this.function.addEnvironment(ENV.bucketName, bucket.bucketName);
    for (const arn of grantBucket(this.role, bucket, access)) {
      acknowledge(
        this.role,
        iam5ResourceFinding(this, arn),
        `Object actions on one area of the attachments bucket: S3 names the objects under a prefix only ` +
          'as "<bucket>/<prefix>/*"; keys are chosen and checked per tenant by the handler, URLs are presigned for one key.',
      );
    }
    return this;
  }
}

/**
 * The function of a function-table entry (shared/api/functions.ts), as the table sizes it: every
 * non-HTTP source (queue, table stream, log subscription) builds its handler here, at the construct
 * id `Handler` under its own construct. Access is bound by the caller, which knows its resources.
 */
export function tableFunction(
  scope: Construct,
  fn: FunctionDef,
  logs: { readonly logRetention: RetentionDays; readonly logRemovalPolicy: RemovalPolicy },
): ApiFunction {
  return new ApiFunction(scope, 'Handler', {
    entry: fn.entry,
    description: fn.description,
    logRetention: logs.logRetention,
    logRemovalPolicy: logs.logRemovalPolicy,
    timeout: Duration.seconds(fn.timeoutSeconds),
    memorySize: fn.memoryMb,
  });
}
