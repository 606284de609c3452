/**
 * The deadline clock ("time is data": the dossier stores its due times, the clock sleeps until the next), as shared/api/deadline-clock.ts defines
 * it: a Standard state machine from the ASL file, one execution per dossier and deadline version;
 * its Task function, which re-reads the dossier and fires what is due; and the stream consumer
 * that starts an execution for every `dossier.deadlines_changed` outbox item.
 *
 * The definition is read from the ASL file the offline runner also executes, and passed to
 * CloudFormation as a string with `DefinitionSubstitutions` (`DefinitionBody.fromString`, not
 * `fromFile`: the latter uploads the file as an S3 asset, so the template, `cdk diff` and the
 * change set would show only an asset hash instead of the definition).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArnFormat, Aws, Duration, Fn, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { DEADLINE_CLOCK, START_CLOCK_FILTER } from '../../shared/api/deadline-clock';
import { ALARM_PERIOD, alarmOnAny } from './alarm-on-any';
import { addFunctionAlarms } from './alarms';
import { ApiFunction, REPO_ROOT } from './api-function';
import { acknowledge, iam5ResourceFinding } from './nag';
import { StreamConsumer } from './stream-consumer';

/** The stream consumer that starts executions (DEADLINE_CLOCK names only the Task's function). */
export const START_CLOCK_ENTRY = 'functions/deadlines/start-clock.ts';

/** The names an ASL text refers to as `${Name}`, each once, in order of appearance. */
export function placeholdersOf(definition: string): string[] {
  return [...new Set([...definition.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]))];
}

/** Reads the ASL file and checks that it is JSON and that every placeholder has a substitution. */
export function readDefinition(file: string, substitutions: Readonly<Record<string, string>>): string {
  const text = fs.readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const missing = placeholdersOf(text).filter((name) => !(name in substitutions));
  if (missing.length > 0) {
    // CloudFormation would deploy `${Name}` literally and the state machine would fail at run time.
    throw new Error(`${file} refers to \${${missing.join('}, ${')}} with no substitution in DEADLINE_CLOCK`);
  }
  return JSON.stringify(parsed);
}

export interface DeadlineClockProps {
  /** `MotCua-<stage>`: names the execution log group. */
  readonly prefix: string;
  readonly table: ITableV2;
  readonly alarmAction: IAlarmAction;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

export class DeadlineClock extends Construct {
  public readonly stateMachine: StateMachine;
  /** The Task of `CheckDeadlines`: functions/deadlines/check.ts. */
  public readonly checkFunction: ApiFunction;
  /** The stream consumer running functions/deadlines/start-clock.ts. */
  public readonly starter: StreamConsumer;
  public readonly executionLogs: LogGroup;

  constructor(scope: Construct, id: string, props: DeadlineClockProps) {
    super(scope, id);

    this.checkFunction = new ApiFunction(this, 'CheckDeadlines', {
      entry: DEADLINE_CLOCK.substitutions.CheckDeadlinesFunctionArn,
      description:
        'Deadline clock task: re-reads one dossier and fires the due-soon/overdue events that are due',
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
      // Below the Task's TimeoutSeconds (30 in the ASL): a slow run ends as a Lambda error the
      // Task retries, with the function's own log line, rather than as a bare States.Timeout.
      timeout: Duration.seconds(20),
    });
    // getDossier and getTenant are GetItem; recordAlarm is a TransactWriteItems of two Puts (the
    // alarm mark and its outbox item), which needs PutItem only. No Query, no index, no Scan.
    this.checkFunction.bindTableItems({
      table: props.table,
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    });
    addFunctionAlarms(this.checkFunction, this.checkFunction.function, 'CheckDeadlines', props.alarmAction);

    this.executionLogs = this.encryptedExecutionLogs(props);

    const substitutions: Record<keyof typeof DEADLINE_CLOCK.substitutions, string> = {
      CheckDeadlinesFunctionArn: this.checkFunction.function.functionArn,
    };
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      // Standard: executions may sleep up to a year (the ASL's TimeoutSeconds); Express stops at 5 minutes.
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(
        readDefinition(path.join(REPO_ROOT, DEADLINE_CLOCK.definitionFile), substitutions),
      ),
      definitionSubstitutions: substitutions,
      logs: {
        destination: this.executionLogs,
        level: LogLevel.ALL,
        // Inputs and outputs are keys and alarm ids ({tenant, code, clockVersion}, fired ids,
        // sleepSeconds, a caught error), never the dossier or a citizen's data, which the Task reads
        // itself. With them the log answers "why did this alarm fire, or not"; the group is
        // KMS-encrypted and kept for the stage's log retention.
        includeExecutionData: true,
      },
      tracingEnabled: true,
    });

    // Only the function the ASL names, unqualified, as its Task resource is: no `:*` for versions
    // or aliases, which the definition never calls.
    Grant.addToPrincipal({
      grantee: this.stateMachine,
      actions: ['lambda:InvokeFunction'],
      resourceArns: [this.checkFunction.function.functionArn],
    });
    acknowledge(
      this.stateMachine.role,
      'AwsSolutions-IAM5[Resource::*]',
      'Log delivery and tracing of the state machine: the CloudWatch Logs delivery actions ' +
        '(logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ListLogDeliveries, ' +
        'PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) and X-Ray (xray:PutTraceSegments, ' +
        'PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) have no resource-level permissions, so ' +
        'AWS requires Resource "*". lambda:InvokeFunction is on the check function only.',
    );

    alarmOnAny(
      this,
      'ExecutionsFailedAlarm',
      this.stateMachine.metricFailed({ period: ALARM_PERIOD, statistic: 'Sum' }),
      'Deadline clock: an execution failed, so a dossier has no running clock until its deadlines change again',
      props.alarmAction,
    );
    alarmOnAny(
      this,
      'ExecutionsTimedOutAlarm',
      this.stateMachine.metricTimedOut({ period: ALARM_PERIOD, statistic: 'Sum' }),
      'Deadline clock: an execution reached its one-year timeout, so a dossier has no running clock',
      props.alarmAction,
    );

    this.starter = new StreamConsumer(this, 'StartClock', {
      entry: START_CLOCK_ENTRY,
      description: 'Deadline clock starter: one execution per dossier.deadlines_changed outbox item',
      table: props.table,
      filters: [START_CLOCK_FILTER],
      environment: {
        [DEADLINE_CLOCK.stateMachineArnEnv]: this.stateMachine.stateMachineArn,
      },
      // Up to ten StartExecution calls in a row, with the SDK's retries on throttling.
      timeout: Duration.seconds(30),
      alarmAction: props.alarmAction,
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    // states:StartExecution on this state machine only, and DescribeExecution on its executions:
    // a clock whose execution failed is started again under a suffixed name.
    this.stateMachine.grantStartExecution(this.starter.handler.role);
    const executionsArn = Stack.of(this).formatArn({
      service: 'states',
      resource: 'execution',
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      resourceName: `${this.stateMachine.stateMachineName}:*`,
    });
    this.starter.handler.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['states:DescribeExecution'], resources: [executionsArn] }),
    );
    acknowledge(
      this.starter.handler.role,
      iam5ResourceFinding(this, executionsArn),
      'Executions are named per dossier and deadline version at run time, so only the pattern ' +
        '<state machine>:* can name them; DescribeExecution reads an execution of this state machine only.',
    );
  }

  /**
   * The execution log group, encrypted with its own key. Its name is fixed before deployment (under
   * `/aws/vendedlogs/states/`, where Step Functions' log delivery keeps the account's CloudWatch Logs
   * resource policy small) so the key policy can name exactly this group without a dependency cycle.
   * The stack id's UUID makes the name new for every new stack, so a log group retained by an
   * earlier deployment of the stage (prod) does not block the next one.
   */
  private encryptedExecutionLogs(props: DeadlineClockProps): LogGroup {
    const stack = Stack.of(this);
    const logGroupName = Fn.join('', [
      `/aws/vendedlogs/states/${props.prefix}-deadline-clock-`,
      Fn.select(2, Fn.split('/', Aws.STACK_ID)),
    ]);
    const logGroupArn = stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    const key = new Key(this, 'ExecutionLogsKey', {
      description: `Encrypts the execution logs of the ${props.prefix} deadline clock`,
      enableKeyRotation: true,
      // Goes and stays with the log group: a retained group whose key is deleted cannot be read.
      removalPolicy: props.logRemovalPolicy,
      pendingWindow: Duration.days(7),
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsEncryptsTheExecutionLogGroupOnly',
        principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        // In a key policy "*" means this key.
        resources: ['*'],
        conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
      }),
    );

    return new LogGroup(this, 'ExecutionLogs', {
      logGroupName,
      encryptionKey: key,
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });
  }
}
