import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { REPO_ROOT } from '../../infra/constructs/api-function';
import type { QueueConsumer } from '../../infra/constructs/event-bus';
import type { StreamConsumer } from '../../infra/constructs/stream-consumer';
import { parseAsl, placeholdersOf, readAsl, substitutionsFor } from '../../infra/workflows/asl';
import { DEADLINE_CLOCK } from '../../shared/api/deadline-clock';
import { functionById, OUTBOX_INSERT_FILTER, queueConsumers, tasksOf } from '../../shared/api/functions';
import { QUEUES, SUBSCRIBED_QUEUES, type QueueId } from '../../shared/api/queues';
import { ENV } from '../../shared/platform/env';
import { buildTestApp, errorsOrThrottlesAlarm, nagFindings } from './fixture';

const testApp = buildTestApp();
const { workflow } = testApp.stacks;
const template = testApp.template(workflow);
const clock = {
  ...workflow.deadlineClock,
  stateMachine: workflow.deadlineClock.stateMachine,
  executionLogs: workflow.deadlineClock.executionLogs,
  checkFunction: workflow.functions.checkDeadlines,
  starter: workflow.queueConsumers.startClock as QueueConsumer,
  dispatcher: workflow.streamConsumers.dispatchOutbox as StreamConsumer,
};
const START_CLOCK_ENTRY = functionById('startClock').entry;

const logicalId = (construct: IConstruct) =>
  workflow.getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);
const checkFunctionArn = { 'Fn::GetAtt': [logicalId(clock.checkFunction.function), 'Arn'] };
const stateMachineRef = { Ref: logicalId(clock.stateMachine) };

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}
const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every statement of the policies attached to `role`. */
function statementsOf(role: IConstruct): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: logicalId(role) }]) },
  });
  return Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

/** The resources granted an action with the given prefix (`lambda:`, `states:` …), per statement. */
const grantsOf = (role: IConstruct, prefix: string) =>
  statementsOf(role)
    .filter((s) => list(s.Action).some((a) => a.startsWith(prefix)))
    .map((s) => ({ actions: list(s.Action).sort(), resources: list(s.Resource) }));

const stateMachineProps = () => {
  const machines = template.findResources('AWS::StepFunctions::StateMachine');
  return machines[logicalId(clock.stateMachine)].Properties;
};

/** What Step Functions needs for logging and tracing: no resource-level permissions exist for them. */
const RESOURCELESS_ACTIONS = [
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
];

const aslFile = path.join(REPO_ROOT, DEADLINE_CLOCK.definitionFile);
const aslText = fs.readFileSync(aslFile, 'utf8');
type State = { Type: string; [key: string]: unknown };
const asl = JSON.parse(aslText) as { StartAt: string; States: Record<string, State> };
const taskStates = Object.entries(asl.States).filter(([, s]) => s.Type === 'Task');

describe('WorkflowStack', () => {
  describe('deadline-clock state machine', () => {
    it('is a Standard state machine, so an execution can sleep for up to a year', () => {
      template.hasResourceProperties('AWS::StepFunctions::StateMachine', { StateMachineType: 'STANDARD' });
    });

    it('traces executions with X-Ray', () => {
      template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
        TracingConfiguration: { Enabled: true },
      });
    });

    it('logs every event with its execution data to its own log group', () => {
      template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
        LoggingConfiguration: {
          Level: 'ALL',
          IncludeExecutionData: true,
          Destinations: [
            {
              CloudWatchLogsLogGroup: {
                LogGroupArn: { 'Fn::GetAtt': [logicalId(clock.executionLogs), 'Arn'] },
              },
            },
          ],
        },
      });
    });

    it('encrypts the execution log group with its own rotating key, kept as long as the logs', () => {
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: Match.objectLike({
          'Fn::Join': ['', Match.arrayWith(['/aws/vendedlogs/states/MotCua-test-deadline-clock-'])],
        }),
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('ExecutionLogsKey'), 'Arn'] },
        RetentionInDays: testApp.config.logRetention,
      });
      template.hasResource('AWS::KMS::Key', {
        Properties: Match.objectLike({ EnableKeyRotation: true }),
        DeletionPolicy: 'Delete',
      });
    });

    it('lets CloudWatch Logs use the key for the execution log group only', () => {
      const logGroupName = template.findResources('AWS::Logs::LogGroup')[logicalId(clock.executionLogs)]
        .Properties.LogGroupName as { 'Fn::Join': [string, unknown[]] };
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Principal: {
                Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] },
              },
              Condition: {
                ArnEquals: {
                  'kms:EncryptionContext:aws:logs:arn': {
                    'Fn::Join': [
                      '',
                      Match.arrayWith([
                        Match.stringLikeRegexp(`:log-group:${logGroupName['Fn::Join'][1][0]}$`),
                        logGroupName['Fn::Join'][1][1],
                      ]),
                    ],
                  },
                },
              },
            }),
          ]),
        },
      });
    });

    it('takes its definition from the ASL file, with the CheckDeadlines task and both Wait states', () => {
      template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
        DefinitionString: Match.serializedJson(
          Match.objectLike({
            StartAt: 'CheckDeadlines',
            States: Match.objectLike({
              CheckDeadlines: Match.objectLike({ Type: 'Task', Resource: '${CheckDeadlinesFunctionArn}' }),
              [DEADLINE_CLOCK.sleepState]: Match.objectLike({ Type: 'Wait' }),
              [DEADLINE_CLOCK.retryWaitState]: Match.objectLike({ Type: 'Wait' }),
            }),
          }),
        ),
      });
      expect(JSON.parse(stateMachineProps().DefinitionString)).toEqual(asl);
    });

    it('substitutes the check function ARN for CheckDeadlinesFunctionArn', () => {
      template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
        DefinitionSubstitutions: { CheckDeadlinesFunctionArn: checkFunctionArn },
      });
    });

    it('leaves no ${…} in the deployed definition when CloudFormation has substituted it', () => {
      const { DefinitionString, DefinitionSubstitutions } = stateMachineProps();
      const deployed = (DefinitionString as string).replace(
        /\$\{([A-Za-z0-9_]+)\}/g,
        (whole, name: string) => (name in DefinitionSubstitutions ? `<${name}>` : whole),
      );
      expect(deployed).not.toContain('${');
      expect(JSON.parse(deployed).States.CheckDeadlines.Resource).toBe('<CheckDeadlinesFunctionArn>');
    });

    it('may invoke the check function and no other function', () => {
      expect(grantsOf(clock.stateMachine.role, 'lambda:')).toEqual([
        { actions: ['lambda:InvokeFunction'], resources: [checkFunctionArn] },
      ]);
    });

    it('has "*" only for the log delivery and X-Ray actions, which take no resource', () => {
      const wildcardActions = statementsOf(clock.stateMachine.role)
        .filter((s) => list(s.Resource).includes('*'))
        .flatMap((s) => list(s.Action));
      expect(wildcardActions).not.toEqual([]);
      for (const action of wildcardActions) expect(RESOURCELESS_ACTIONS).toContain(action);
    });

    it.each([
      ['ExecutionsFailed', 'failed'],
      ['ExecutionsTimedOut', 'timed out'],
    ])('alarms on %s when an execution %s', (metric) => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/States',
        MetricName: metric,
        Dimensions: [{ Name: 'StateMachineArn', Value: stateMachineRef }],
        Threshold: 1,
        AlarmActions: [{ 'Fn::ImportValue': Match.stringLikeRegexp('Monitoring') }],
      });
    });
  });

  describe('check function', () => {
    const role = clock.checkFunction.role;
    const checkFunction = (props: Record<string, unknown>) =>
      template.hasResourceProperties('AWS::Lambda::Function', {
        Role: { 'Fn::GetAtt': [logicalId(role), 'Arn'] },
        ...props,
      });

    it('runs functions/deadlines/check.ts on Node 22, arm64, traced', () => {
      expect(functionById('checkDeadlines').entry).toBe('functions/deadlines/check.ts');
      checkFunction({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
      });
    });

    it('times out before the Task state does, so a slow run is a Lambda error the Task retries', () => {
      const taskTimeout = asl.States.CheckDeadlines.TimeoutSeconds as number;
      const fn = template.findResources('AWS::Lambda::Function')[logicalId(clock.checkFunction.function)];
      expect(fn.Properties.Timeout).toBeLessThan(taskTimeout);
    });

    it('is told the table name', () => {
      checkFunction({ Environment: { Variables: Match.objectLike({ [ENV.tableName]: Match.anyValue() }) } });
    });

    it('may get and put items of the table and do nothing else with it', () => {
      // The table's ARN as imported from the data stack: no index, no stream, no wildcard.
      expect(grantsOf(role, 'dynamodb:')).toEqual([
        {
          actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
          resources: [
            { 'Fn::ImportValue': expect.stringMatching(/-Data:ExportsOutputFnGetAttTable\w*Arn\w*$/) },
          ],
        },
      ]);
      expect(JSON.stringify(grantsOf(role, 'dynamodb:'))).not.toMatch(/StreamArn|\/index\/|\*/);
    });

    it('alarms on its errors', () => {
      template.hasResourceProperties(
        'AWS::CloudWatch::Alarm',
        errorsOrThrottlesAlarm({ Ref: logicalId(clock.checkFunction.function) }),
      );
    });
  });

  describe("outbox dispatcher: the table stream's one reader", () => {
    const role = clock.dispatcher.handler.role;
    const mapping = (props: Record<string, unknown>) =>
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalId(clock.dispatcher.handler.function) },
        ...props,
      });
    const deadLetterArn = { 'Fn::GetAtt': [logicalId(clock.dispatcher.deadLetterQueue), 'Arn'] };
    const queueArn = (queue: QueueId) => ({
      'Fn::GetAtt': [logicalId(workflow.eventBus.queues[queue]), 'Arn'],
    });

    it('is the only event source mapping on the table stream (AWS advises at most two readers per shard)', () => {
      const onStream = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).filter((m) =>
        JSON.stringify(m.Properties.EventSourceArn).includes('StreamArn'),
      );
      expect(onStream).toHaveLength(1);
      expect(onStream[0].Properties.FunctionName).toEqual({
        Ref: logicalId(clock.dispatcher.handler.function),
      });
    });

    it('reads every inserted outbox item, from the latest record', () => {
      mapping({
        EventSourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('StreamArn') },
        StartingPosition: 'LATEST',
        FilterCriteria: { Filters: [{ Pattern: Match.serializedJson(Match.exact(OUTBOX_INSERT_FILTER)) }] },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
      });
    });

    it('gives up on a record after bounded retries and age, well within the 24-hour stream retention', () => {
      mapping({
        MaximumRetryAttempts: Match.anyValue(),
        MaximumRecordAgeInSeconds: Match.anyValue(),
        DestinationConfig: { OnFailure: { Destination: deadLetterArn } },
      });
      const found = template.findResources('AWS::Lambda::EventSourceMapping');
      for (const { Properties } of Object.values(found)) {
        if (Properties.MaximumRecordAgeInSeconds === undefined) continue;
        expect(Properties.MaximumRetryAttempts).toBeGreaterThan(0);
        expect(Properties.MaximumRecordAgeInSeconds).toBeLessThanOrEqual(6 * 3600);
      }
    });

    it('may send to exactly the subscribed queues and its dead-letter queue, and is told their URLs', () => {
      // CDK merges statements: compare what each queue may receive, queue by queue.
      const sendsTo = grantsOf(role, 'sqs:')
        .filter((g) => g.actions.includes('sqs:SendMessage'))
        .flatMap((g) => g.resources as unknown[]);
      expect(sendsTo).toHaveLength(SUBSCRIBED_QUEUES.length + 1);
      expect(sendsTo).toEqual(expect.arrayContaining([...SUBSCRIBED_QUEUES.map(queueArn), deadLetterArn]));
      for (const g of grantsOf(role, 'sqs:'))
        if (g.resources.some((r) => JSON.stringify(r).includes('EventBus')))
          expect(g.actions).toEqual(['sqs:SendMessage']);
      template.hasResourceProperties('AWS::Lambda::Function', {
        Role: { 'Fn::GetAtt': [logicalId(role), 'Arn'] },
        Environment: {
          Variables: Match.objectLike(
            Object.fromEntries(
              SUBSCRIBED_QUEUES.map((q) => [
                QUEUES[q].urlEnv,
                { Ref: logicalId(workflow.eventBus.queues[q]) },
              ]),
            ),
          ),
        },
      });
    });

    it('may read the table stream but no table item', () => {
      const [grant, ...more] = grantsOf(role, 'dynamodb:');
      expect(more).toEqual([]);
      expect(grant.resources).toEqual([{ 'Fn::ImportValue': expect.stringMatching(/StreamArn/) }]);
    });
  });

  describe('event bus queues', () => {
    it.each(Object.keys(QUEUES) as QueueId[])(
      '%s: encrypted, TLS only, with a dead-letter queue and its alarm',
      (queue) => {
        const main = workflow.eventBus.queues[queue];
        const dlq = workflow.eventBus.deadLetterQueues[queue];
        template.hasResourceProperties('AWS::SQS::Queue', {
          SqsManagedSseEnabled: true,
          VisibilityTimeout: QUEUES[queue].visibilityTimeoutSeconds,
          MessageRetentionPeriod: QUEUES[queue].retentionSeconds,
          RedrivePolicy: {
            deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(dlq), 'Arn'] },
            maxReceiveCount: QUEUES[queue].maxReceiveCount,
          },
        });
        for (const q of [main, dlq])
          template.hasResourceProperties('AWS::SQS::QueuePolicy', {
            Queues: [{ Ref: logicalId(q) }],
            PolicyDocument: {
              Statement: Match.arrayWith([
                Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
              ]),
            },
          });
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(dlq), 'QueueName'] } }],
          Threshold: 1,
          AlarmActions: [Match.anyValue()],
        });
      },
    );

    it('has one consumer per queue now that the webhook fan-out and deliverer landed', () => {
      const consumed = queueConsumers().map((f) => f.source.queue);
      expect([...consumed].sort()).toEqual((Object.keys(QUEUES) as QueueId[]).sort());
    });
  });

  describe('start-clock queue consumer', () => {
    const role = clock.starter.handler.role;
    const queue = workflow.eventBus.queues.deadlineClock;

    it(`runs ${START_CLOCK_ENTRY} and is told the state machine ARN in ${DEADLINE_CLOCK.stateMachineArnEnv}`, () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Role: { 'Fn::GetAtt': [logicalId(role), 'Arn'] },
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Environment: {
          Variables: Match.objectLike({ [DEADLINE_CLOCK.stateMachineArnEnv]: stateMachineRef }),
        },
      });
    });

    it('reads the deadlineClock queue ten messages at a time and reports failed messages', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalId(clock.starter.handler.function) },
        EventSourceArn: { 'Fn::GetAtt': [logicalId(queue), 'Arn'] },
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    });

    it('may consume its queue and nothing more (no ChangeMessageVisibility, no send)', () => {
      const grants = grantsOf(role, 'sqs:');
      expect(grants.map((g) => ({ actions: [...g.actions].sort(), resources: g.resources }))).toEqual([
        {
          actions: ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
          resources: [{ 'Fn::GetAtt': [logicalId(queue), 'Arn'] }],
        },
      ]);
    });

    it('alarms on its errors', () => {
      template.hasResourceProperties(
        'AWS::CloudWatch::Alarm',
        errorsOrThrottlesAlarm({ Ref: logicalId(clock.starter.handler.function) }),
      );
    });

    it('may start executions of the deadline-clock state machine and of no other, and describe its executions', () => {
      const grants = grantsOf(role, 'states:');
      expect(grants[0]).toEqual({ actions: ['states:StartExecution'], resources: [stateMachineRef] });
      expect(grants).toHaveLength(2);
      expect(grants[1].actions).toEqual(['states:DescribeExecution']);
      expect(JSON.stringify(grants[1].resources)).toMatch(/:execution:/);
      expect(JSON.stringify(grants[1].resources)).toContain(logicalId(clock.stateMachine));
    });

    it('may touch no table item and no stream', () => {
      expect(grantsOf(role, 'dynamodb:')).toEqual([]);
    });
  });

  describe('least privilege', () => {
    it('never lets a function of the stack scan the table', () => {
      for (const fn of [clock.checkFunction, clock.starter.handler, clock.dispatcher.handler]) {
        expect(statementsOf(fn.role).flatMap((s) => list(s.Action))).not.toContain('dynamodb:Scan');
      }
    });

    it('attaches no AWS managed policy to any role', () => {
      template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    });

    it('reports no unacknowledged cdk-nag finding', () => {
      expect(nagFindings(testApp, workflow)).toEqual([]);
    });
  });
});

describe('infra/workflows/asl (the placeholder reader CDK and the offline cloud share)', () => {
  const text = '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${OtherFunctionArn}","End":true}}}';
  const task = (placeholder: string) => {
    const check = tasksOf('deadlineClock')[0] as typeof tasksOf extends (w: never) => readonly (infer T)[]
      ? T
      : never;
    return { ...check, source: { ...check.source, placeholder } };
  };

  it('fails the synth naming the placeholder when the ASL refers to one no function provides', () => {
    const asl = parseAsl('deadlineClock', 'machine.asl.json', text);
    expect(() => substitutionsFor(asl, () => 'arn', [task('CheckDeadlinesFunctionArn')])).toThrow(
      /OtherFunctionArn/,
    );
  });

  it('fails naming a placeholder the function table gives that the ASL never refers to', () => {
    const asl = parseAsl('deadlineClock', 'machine.asl.json', text);
    expect(() =>
      substitutionsFor(asl, () => 'arn', [task('OtherFunctionArn'), task('UnusedFunctionArn')]),
    ).toThrow(/UnusedFunctionArn/);
  });

  it('fails the synth naming the file when the ASL is not JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asl-'));
    try {
      expect(() => parseAsl('deadlineClock', path.join(dir, 'machine.asl.json'), '{"StartAt": ')).toThrow(
        /machine\.asl\.json/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('infra/workflows/deadline-clock.asl.json', () => {
  describe('definition', () => {
    it('parses as JSON and starts at a state it defines', () => {
      expect(asl.States[asl.StartAt]).toBeDefined();
    });

    it('has the task states the function table names and the wait states DEADLINE_CLOCK names', () => {
      for (const task of tasksOf('deadlineClock')) expect(asl.States[task.source.state]?.Type).toBe('Task');
      expect(asl.States[DEADLINE_CLOCK.sleepState]?.Type).toBe('Wait');
      expect(asl.States[DEADLINE_CLOCK.retryWaitState]?.Type).toBe('Wait');
    });

    it('refers only to the placeholders of its Task functions in the function table', () => {
      expect(placeholdersOf(aslText).sort()).toEqual(
        tasksOf('deadlineClock')
          .map((t) => t.source.placeholder)
          .sort(),
      );
      expect(readAsl(REPO_ROOT, 'deadlineClock').placeholders).toEqual(placeholdersOf(aslText));
    });

    it.each(taskStates)('bounds the task %s with TimeoutSeconds', (_name, state) => {
      expect(state.TimeoutSeconds).toEqual(expect.any(Number));
    });

    it.each(taskStates)('retries the task %s with a backoff rate', (_name, state) => {
      const retriers = state.Retry as { BackoffRate?: number }[] | undefined;
      expect(retriers?.length).toBeGreaterThan(0);
      for (const retrier of retriers ?? []) expect(retrier.BackoffRate).toBeGreaterThanOrEqual(1);
    });

    it.each(taskStates)('catches the errors of the task %s that outlast its retries', (_name, state) => {
      const catchers = state.Catch as { ErrorEquals: string[]; Next: string }[] | undefined;
      expect(catchers?.length).toBeGreaterThan(0);
      for (const catcher of catchers ?? []) expect(asl.States[catcher.Next]).toBeDefined();
    });
  });
});
