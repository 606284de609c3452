/**
 * The deadline clock ("time is data": the dossier stores its due times, the clock sleeps until the
 * next), as shared/api/deadline-clock.ts defines it: a Standard state machine from the ASL file, one
 * execution per dossier and deadline version; its Task functions, each built from its entry in the function table (shared/api/functions.ts).
 *
 * The definition is read from the ASL file the offline runner also executes, through the one
 * placeholder reader both use (infra/workflows/asl.ts), and passed to CloudFormation as a string
 * with `DefinitionSubstitutions` (`DefinitionBody.fromString`, not `fromFile`: the latter uploads the
 * file as an S3 asset, so the template, `cdk diff` and the change set would show only an asset hash
 * instead of the definition).
 */
import { Aws, Duration, Fn, Stack, ArnFormat, type RemovalPolicy } from 'aws-cdk-lib';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { tasksOf, type FunctionDef, type FunctionId } from '../../shared/api/functions';
import { compactDefinition, readAsl, substitutionsFor } from '../workflows/asl';
import { ALARM_PERIOD, alarmOnAny } from './alarm-on-any';
import { addFunctionAlarms } from './alarms';
import { ApiFunction, REPO_ROOT } from './api-function';
import { acknowledge } from './nag';

/** `checkDeadlines` → `CheckDeadlines`: the construct id, kept so deployed functions are not replaced. */
export const constructIdOf = (fn: FunctionDef): string => fn.id.charAt(0).toUpperCase() + fn.id.slice(1);

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
  /** Its Task functions, by function table id. */
  public readonly tasks: Partial<Record<FunctionId, ApiFunction>> = {};
  public readonly executionLogs: LogGroup;

  constructor(scope: Construct, id: string, props: DeadlineClockProps) {
    super(scope, id);

    for (const task of tasksOf('deadlineClock')) {
      const fn = new ApiFunction(this, constructIdOf(task), {
        entry: task.entry,
        description: task.description,
        logRetention: props.logRetention,
        logRemovalPolicy: props.logRemovalPolicy,
        timeout: Duration.seconds(task.timeoutSeconds),
        memorySize: task.memoryMb,
      }).bindAccess(task.access, { table: props.table });
      addFunctionAlarms(fn, fn.function, constructIdOf(task), props.alarmAction);
      this.tasks[task.id as FunctionId] = fn;
    }

    this.executionLogs = this.encryptedExecutionLogs(props);

    const asl = readAsl(REPO_ROOT, 'deadlineClock');
    const substitutions = substitutionsFor(
      asl,
      (task) => (this.tasks[task.id as FunctionId] as ApiFunction).function.functionArn,
    );
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      // Standard: executions may sleep up to a year (the ASL's TimeoutSeconds); Express stops at 5 minutes.
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(compactDefinition(asl)),
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

    // Only the functions the ASL names, unqualified, as its Task resources are: no `:*` for
    // versions or aliases, which the definition never calls.
    Grant.addToPrincipal({
      grantee: this.stateMachine,
      actions: ['lambda:InvokeFunction'],
      resourceArns: Object.values(this.tasks).map((fn) => fn.function.functionArn),
    });
    acknowledge(
      this.stateMachine.role,
      'AwsSolutions-IAM5[Resource::*]',
      'Log delivery and tracing of the state machine: the CloudWatch Logs delivery actions ' +
        '(logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ListLogDeliveries, ' +
        'PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) and X-Ray (xray:PutTraceSegments, ' +
        'PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) have no resource-level permissions, so ' +
        'AWS requires Resource "*". lambda:InvokeFunction is on its Task functions only.',
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
