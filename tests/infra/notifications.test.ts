/**
 * Notifications in CDK: the `notifications` queue with its dead-letter queue, the sendNotifications
 * function fed by it, and its grants — ses:SendEmail on the configured identity (and configuration
 * set) only, with NOTIFY_EMAIL_FROM; sns:Publish for SMS, topics denied; no SES grant and no sender
 * address without an identity. The stage context is checked.
 */
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { QueueConsumer } from '../../infra/constructs/event-bus';
import { readStageConfig } from '../../infra/stage';
import { QUEUES } from '../../shared/api/queues';
import { buildTestApp, nagFindings } from './fixture';

const withIdentity = buildTestApp({
  context: { notifyEmailIdentity: 'motcua.example.gov.vn', notifySesConfigurationSet: 'motcua-notify' },
});
const without = buildTestApp();

const logicalId = (stack: Stack, construct: IConstruct) =>
  stack.getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}
const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

function setup(app: typeof withIdentity) {
  const { workflow } = app.stacks;
  const template = app.template(workflow);
  const consumer = workflow.queueConsumers.sendNotifications as QueueConsumer;
  const statements = Object.values(
    template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: Match.arrayWith([{ Ref: logicalId(workflow, consumer.handler.role) }]) },
    }),
  ).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  const of = (service: string) =>
    statements
      .filter((s) => list(s.Action).some((a) => a.startsWith(`${service}:`)))
      // CDK merges statements on the same resources (sns:Publish on `*` joins X-Ray's): only the
      // service's own actions are compared.
      .map((s) => ({
        effect: s.Effect,
        actions: list(s.Action).filter((a) => a.startsWith(`${service}:`)),
        resources: list(s.Resource),
      }));
  const fn = template.findResources('AWS::Lambda::Function')[logicalId(workflow, consumer.handler.function)];
  return {
    workflow,
    template,
    consumer,
    of,
    env: fn.Properties.Environment.Variables as Record<string, unknown>,
  };
}

describe('notifications (CDK)', () => {
  const a = setup(withIdentity);

  it('the notifications queue has its dead-letter queue and feeds sendNotifications', () => {
    const queue = a.workflow.eventBus.queues.notifications;
    a.template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: QUEUES.notifications.visibilityTimeoutSeconds,
      RedrivePolicy: Match.objectLike({ maxReceiveCount: QUEUES.notifications.maxReceiveCount }),
    });
    expect(a.workflow.eventBus.deadLetterQueues).toHaveProperty('notifications');
    a.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(a.workflow, a.consumer.handler.function) },
      EventSourceArn: { 'Fn::GetAtt': [logicalId(a.workflow, queue), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    a.template.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 30,
      Environment: { Variables: Match.objectLike({ NOTIFICATIONS_QUEUE_URL: Match.anyValue() }) },
    });
  });

  it('may send e-mail from the configured identity and configuration set only', () => {
    const ses = a.of('ses');
    expect(ses).toHaveLength(1);
    expect(ses[0].effect).toBe('Allow');
    expect(ses[0].actions).toEqual(['ses:SendEmail']);
    const text = JSON.stringify(ses[0].resources);
    expect(text).toContain(':identity/motcua.example.gov.vn');
    expect(text).toContain(':configuration-set/motcua-notify');
    expect(ses[0].resources).toHaveLength(2);
    expect(a.env).toMatchObject({
      NOTIFY_EMAIL_FROM: 'thongbao@motcua.example.gov.vn',
      NOTIFY_SES_CONFIGURATION_SET: 'motcua-notify',
    });
    // The API stage's URL, imported from the API stack: the tracking link's base.
    expect(JSON.stringify(a.env.PUBLIC_BASE_URL)).toContain('.execute-api.');
  });

  it('may publish SMS, never to a topic or platform endpoint', () => {
    expect(a.of('sns')).toEqual([
      { effect: 'Allow', actions: ['sns:Publish'], resources: ['*'] },
      {
        effect: 'Deny',
        actions: ['sns:Publish'],
        resources: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:*:*:*']] }],
      },
    ]);
  });

  it('without an identity: no SES grant and no sender address (SMS only)', () => {
    const b = setup(without);
    expect(b.of('ses')).toEqual([]);
    expect(b.env).not.toHaveProperty('NOTIFY_EMAIL_FROM');
    expect(b.of('sns')).toHaveLength(2);
  });

  it('cdk-nag finds nothing in the workflow stack with an SES identity configured', () => {
    expect(nagFindings(withIdentity, withIdentity.stacks.workflow)).toEqual([]);
  });

  it('the stage context is checked', () => {
    const read = (ctx: Record<string, string>) =>
      readStageConfig({ tryGetContext: (k) => ({ stage: 'dev', ...ctx })[k] });
    expect(read({ notifyEmailIdentity: 'a@b.vn' }).notify).toMatchObject({
      emailIdentity: 'a@b.vn',
      emailFrom: 'a@b.vn',
    });
    expect(() => read({ notifyEmailIdentity: 'not a domain' })).toThrow(/notifyEmailIdentity/);
    expect(() => read({ notifyEmailIdentity: 'motcua.vn', notifyEmailFrom: 'x@other.vn' })).toThrow(
      /notifyEmailFrom/,
    );
    expect(() => read({ notifyEmailFrom: 'x@motcua.vn' })).toThrow(/needs/);
    expect(() => read({ notifySmsSenderId: 'TOO-LONG-SENDER' })).toThrow(/notifySmsSenderId/);
    expect(read({}).notify).toEqual({});
  });
});
