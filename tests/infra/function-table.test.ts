/**
 * Every entry of the function table (shared/api/functions.ts) becomes one Lambda with that
 * timeout, memory and event source, exactly the grants and variables its access names, and every
 * ASL placeholder gets a value from it. Routes' variables follow their access the same way.
 */
import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { BUCKET_OBJECT_ACTIONS, TABLE_ACTIONS } from '../../infra/constructs/access';
import { REPO_ROOT } from '../../infra/constructs/api-function';
import { readAsl } from '../../infra/workflows/asl';
import { FUNCTIONS, WORKFLOWS, type FunctionDef, type FunctionId } from '../../shared/api/functions';
import { QUEUES, type QueueId } from '../../shared/api/queues';
import { ROUTES } from '../../shared/api/routes';
import { ENV } from '../../shared/platform/env';
import { buildTestApp } from './fixture';

const testApp = buildTestApp();
const { workflow, api } = testApp.stacks;
const workflowTemplate = testApp.template(workflow);
const apiTemplate = testApp.template(api);

const logicalId = (stack: Stack, construct: IConstruct) =>
  stack.getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);
const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

interface Statement {
  Action: string | string[];
  Resource: unknown;
}
function actionsOf(template: Template, stack: Stack, role: IConstruct, prefix: string): string[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: logicalId(stack, role) }]) },
  });
  return [
    ...new Set(
      Object.values(policies)
        .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
        .flatMap((s) => list(s.Action))
        .filter((a) => a.startsWith(prefix)),
    ),
  ].sort();
}

const STREAM_READ = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];

/** The DynamoDB actions an access grants, plus the stream reads of a stream consumer. */
function expectedTableActions(fn: FunctionDef): string[] {
  const table = fn.access.table;
  const item = table === undefined ? [] : typeof table === 'string' ? TABLE_ACTIONS[table] : table.items;
  return [...item, ...(fn.source.kind === 'tableStream' ? STREAM_READ : [])].sort();
}

describe.each(FUNCTIONS.map((fn) => [fn.id, fn] as [FunctionId, FunctionDef]))('function %s', (id, fn) => {
  const built = workflow.functions[id];
  const props = () =>
    workflowTemplate.findResources('AWS::Lambda::Function')[logicalId(workflow, built.function)].Properties;
  const variables = () => Object.keys(props().Environment?.Variables ?? {});

  it('is one Lambda of the workflow stack with its timeout and memory', () => {
    expect(built).toBeDefined();
    expect(props().Timeout).toBe(fn.timeoutSeconds);
    expect(props().MemorySize).toBe(fn.memoryMb);
    expect(props().Runtime).toBe('nodejs22.x');
  });

  it('has exactly the DynamoDB grants its access and event source name', () => {
    expect(actionsOf(workflowTemplate, workflow, built.role, 'dynamodb:')).toEqual(expectedTableActions(fn));
    expect(variables().includes(ENV.tableName)).toBe(fn.access.table !== undefined);
  });

  it('has bucket grants and BUCKET_NAME only if its access names the bucket', () => {
    const expected = Object.values(fn.access.bucket ?? {}).flatMap((actions) =>
      (actions ?? []).flatMap((a) => BUCKET_OBJECT_ACTIONS[a]),
    );
    const granted = actionsOf(workflowTemplate, workflow, built.role, 's3:').filter(
      (a) => a !== 's3:ListBucket',
    );
    expect(granted).toEqual([...new Set(expected)].sort());
    expect(variables().includes(ENV.bucketName)).toBe(fn.access.bucket !== undefined);
  });

  it('may start executions, and is told the ARN, of exactly the state machines its access names', () => {
    const starts = fn.access.startExecution ?? [];
    expect(actionsOf(workflowTemplate, workflow, built.role, 'states:')).toEqual(
      starts.length > 0 ? ['states:DescribeExecution', 'states:StartExecution'] : [],
    );
    for (const [workflowId, { arnEnv }] of Object.entries(WORKFLOWS))
      expect(variables().includes(arnEnv)).toBe(starts.includes(workflowId as keyof typeof WORKFLOWS));
    if (starts.includes('deadlineClock'))
      expect(props().Environment.Variables[WORKFLOWS.deadlineClock.arnEnv]).toEqual({
        Ref: logicalId(workflow, workflow.stateMachine),
      });
  });

  it('has the event source its entry names', () => {
    const mappings = workflowTemplate.findResources('AWS::Lambda::EventSourceMapping', {
      Properties: { FunctionName: { Ref: logicalId(workflow, built.function) } },
    });
    const source = fn.source;
    if (source.kind === 'tableStream') {
      expect(Object.values(mappings)).toHaveLength(1);
      const mapping = Object.values(mappings)[0]?.Properties;
      expect(mapping).toMatchObject({
        BatchSize: source.batchSize,
        MaximumRetryAttempts: source.retryAttempts,
        MaximumRecordAgeInSeconds: source.maxRecordAgeSeconds,
        BisectBatchOnFunctionError: source.bisectBatchOnError,
        StartingPosition: 'LATEST',
        EventSourceArn: { 'Fn::ImportValue': expect.stringMatching(/StreamArn/) },
      });
      expect(mapping.FunctionResponseTypes ?? []).toEqual(
        source.reportBatchItemFailures ? ['ReportBatchItemFailures'] : [],
      );
      expect(mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual(
        source.filters,
      );
    } else if (source.kind === 'queue') {
      expect(Object.values(mappings)).toHaveLength(1);
      const mapping = Object.values(mappings)[0]?.Properties;
      expect(mapping).toMatchObject({
        BatchSize: source.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        EventSourceArn: {
          'Fn::GetAtt': [logicalId(workflow, workflow.eventBus.queues[source.queue]), 'Arn'],
        },
      });
    } else if (source.kind === 'logSubscription') {
      // No mapping: CloudWatch Logs invokes it, from a subscription filter on the access log.
      expect(mappings).toEqual({});
      const filters = Object.values(
        workflowTemplate.findResources('AWS::Logs::SubscriptionFilter', {
          Properties: { DestinationArn: { 'Fn::GetAtt': [logicalId(workflow, built.function), 'Arn'] } },
        }),
      );
      expect(filters).toHaveLength(1);
      expect(filters[0]?.Properties).toMatchObject({
        FilterPattern: source.filterPattern,
        LogGroupName: { 'Fn::ImportValue': expect.stringMatching(/AccessLogs/) },
      });
      workflowTemplate.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [logicalId(workflow, built.function), 'Arn'] },
        Principal: 'logs.amazonaws.com',
      });
    } else {
      expect(mappings).toEqual({});
      const machine = workflowTemplate.findResources('AWS::StepFunctions::StateMachine')[
        logicalId(workflow, workflow.stateMachine)
      ].Properties;
      expect(machine.DefinitionSubstitutions[source.placeholder]).toEqual({
        'Fn::GetAtt': [logicalId(workflow, built.function), 'Arn'],
      });
      expect(JSON.parse(machine.DefinitionString).States[source.state].Resource).toBe(
        `\${${source.placeholder}}`,
      );
    }
  });
});

describe.each(FUNCTIONS.map((fn) => [fn.id, fn] as [FunctionId, FunctionDef]))(
  'function %s on the event bus',
  (id, fn) => {
    const built = workflow.functions[id];
    const policies = () =>
      Object.values(
        workflowTemplate.findResources('AWS::IAM::Policy', {
          Properties: { Roles: Match.arrayWith([{ Ref: logicalId(workflow, built.role) }]) },
        }),
      ).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    const onQueue = (queue: QueueId) =>
      policies()
        .filter((st) =>
          JSON.stringify(st.Resource).includes(logicalId(workflow, workflow.eventBus.queues[queue])),
        )
        .flatMap((st) => list(st.Action))
        .sort();
    const variables = () =>
      Object.keys(
        workflowTemplate.findResources('AWS::Lambda::Function')[logicalId(workflow, built.function)]
          .Properties.Environment?.Variables ?? {},
      );

    it.each(Object.keys(QUEUES) as QueueId[])(
      'has exactly the actions on queue %s its access names, and its URL only then',
      (queue) => {
        const access = fn.access.queue;
        const expected = [
          ...(access?.send?.includes(queue) ? ['sqs:SendMessage'] : []),
          ...(access?.consume === queue
            ? ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage']
            : []),
          ...(access?.consume === queue && access.changeVisibility ? ['sqs:ChangeMessageVisibility'] : []),
        ].sort();
        expect(onQueue(queue)).toEqual(expected);
        expect(variables().includes(QUEUES[queue].urlEnv)).toBe(expected.length > 0);
      },
    );
  },
);

describe('the workflow stack', () => {
  it('builds a Lambda for every function table entry and no other', () => {
    expect(Object.keys(workflow.functions).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
    expect(Object.keys(workflowTemplate.findResources('AWS::Lambda::Function'))).toHaveLength(
      FUNCTIONS.length,
    );
  });

  it('gives every placeholder of every ASL file a value (CDK side of the one placeholder reader)', () => {
    const machines = workflowTemplate.findResources('AWS::StepFunctions::StateMachine');
    const substitutions =
      machines[logicalId(workflow, workflow.stateMachine)].Properties.DefinitionSubstitutions;
    const asl = readAsl(REPO_ROOT, 'deadlineClock');
    expect(asl.placeholders.length).toBeGreaterThan(0);
    expect(Object.keys(substitutions).sort()).toEqual([...asl.placeholders].sort());
  });
});

describe.each(ROUTES.map((r) => [r.id, r] as const))('route %s', (id, route) => {
  it('is told TABLE_NAME and BUCKET_NAME only if its access names them', () => {
    const fn = api.functions[id];
    const vars = Object.keys(
      apiTemplate.findResources('AWS::Lambda::Function')[logicalId(Stack.of(fn), fn)].Properties.Environment
        ?.Variables ?? {},
    );
    const access = route.access as { table?: unknown; bucket?: unknown };
    expect(vars.includes(ENV.tableName)).toBe(access.table !== undefined);
    expect(vars.includes(ENV.bucketName)).toBe(access.bucket !== undefined);
  });
});
