/**
 * The webhook delivery pipeline in CDK: the fan-out and the deliverer are built from the function
 * table with their SQS event source mappings, the deliverer may change visibility on its own queue
 * only, the fan-out sends to the deliveries queue only, the deliveries queue has its dead-letter
 * queue and alarm, and a dead-lettered delivery (the WebhookDeadLettered metric) raises an alarm
 * on the stage's alarm topic.
 */
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { QueueConsumer } from '../../infra/constructs/event-bus';
import { WEBHOOK_DEAD_LETTERED_METRIC } from '../../infra/stacks/monitoring-stack';
import { DEAD_LETTERED_METRIC } from '../../functions/webhooks/deliver';
import { QUEUES } from '../../shared/api/queues';
import { buildTestApp } from './fixture';

const testApp = buildTestApp();
const { workflow, monitoring } = testApp.stacks;
const template = testApp.template(workflow);
const logicalId = (stack: Stack, construct: IConstruct) =>
  stack.getLogicalId((construct.node.defaultChild ?? construct) as CfnElement);
const fanout = workflow.queueConsumers.fanoutWebhooks as QueueConsumer;
const deliverer = workflow.queueConsumers.deliverWebhook as QueueConsumer;
const queues = workflow.eventBus.queues;

interface Statement {
  Action: string | string[];
  Resource: unknown;
}
const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
function sqsGrants(role: IConstruct) {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: logicalId(workflow, role) }]) },
  });
  return Object.values(policies)
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
    .filter((s) => list(s.Action).some((a) => a.startsWith('sqs:')))
    .map((s) => ({ actions: list(s.Action).sort(), resources: list(s.Resource) }));
}
const arnOf = (queue: IConstruct) => ({ 'Fn::GetAtt': [logicalId(workflow, queue), 'Arn'] });

describe('webhook delivery pipeline (CDK)', () => {
  it.each([
    ['fanoutWebhooks', () => fanout, 'webhookEvents'],
    ['deliverWebhook', () => deliverer, 'webhookDeliveries'],
  ] as const)(
    '%s is fed by its queue through an event source mapping reporting failed messages',
    (_, c, queue) => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalId(workflow, c().handler.function) },
        EventSourceArn: arnOf(queues[queue]),
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    },
  );

  it('the deliverer may change visibility on its own queue only, and sends to no queue', () => {
    const grants = sqsGrants(deliverer.handler.role);
    expect(grants).toEqual([
      {
        actions: [
          'sqs:ChangeMessageVisibility',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
          'sqs:ReceiveMessage',
        ],
        resources: [arnOf(queues.webhookDeliveries)],
      },
    ]);
  });

  it('the fan-out consumes webhookEvents and sends to webhookDeliveries only, without changing visibility', () => {
    const grants = sqsGrants(fanout.handler.role);
    expect(grants).toContainEqual({
      actions: ['sqs:SendMessage'],
      resources: [arnOf(queues.webhookDeliveries)],
    });
    expect(grants).toContainEqual({
      actions: ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
      resources: [arnOf(queues.webhookEvents)],
    });
    expect(grants.flatMap((g) => g.actions)).not.toContain('sqs:ChangeMessageVisibility');
  });

  it('the deliveries queue keeps messages 14 days, redrives to its dead-letter queue, and that has an alarm', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      MessageRetentionPeriod: 14 * 86_400,
      VisibilityTimeout: QUEUES.webhookDeliveries.visibilityTimeoutSeconds,
      RedrivePolicy: {
        deadLetterTargetArn: arnOf(workflow.eventBus.deadLetterQueues.webhookDeliveries),
        maxReceiveCount: QUEUES.webhookDeliveries.maxReceiveCount,
      },
    });
    const alarms = template.findResources('AWS::CloudWatch::Alarm', {
      Properties: {
        Dimensions: Match.arrayWith([
          Match.objectLike({
            Name: 'QueueName',
            Value: {
              'Fn::GetAtt': [
                logicalId(workflow, workflow.eventBus.deadLetterQueues.webhookDeliveries),
                'QueueName',
              ],
            },
          }),
        ]),
      },
    });
    expect(Object.keys(alarms)).toHaveLength(1);
  });

  it('a dead-lettered delivery raises the WebhookDeadLettered alarm on the alarm topic', () => {
    expect(DEAD_LETTERED_METRIC).toBe(WEBHOOK_DEAD_LETTERED_METRIC);
    testApp.template(monitoring).hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: WEBHOOK_DEAD_LETTERED_METRIC,
      Namespace: 'MotCua',
      Dimensions: [{ Name: 'service', Value: 'mot-cua' }],
      Threshold: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: logicalId(monitoring, monitoring.alarmTopic) }],
    });
  });
});
