/**
 * The event bus (issue 9 §2): one SQS queue per entry of the queue table (shared/api/queues.ts),
 * each with its dead-letter queue and an alarm on that queue's depth, and the queue consumers of
 * the function table with their SQS event source mappings. The table stream's one reader, the
 * dispatcher, is a StreamConsumer (./stream-consumer.ts) given these queues.
 *
 * Least privilege: an SQS event source mapping polls with the function's role, so the consumer gets
 * ReceiveMessage, DeleteMessage and GetQueueAttributes on its queue only (bindAccess, from its
 * `access.queue.consume`); ChangeMessageVisibility only with `changeVisibility: true`. CDK's
 * SqsEventSource would grant it to every consumer, so the mapping is built here directly.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { EventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionDef, QueueSource } from '../../shared/api/functions';
import { DEAD_LETTER_RETENTION_SECONDS, QUEUES, type QueueDef, type QueueId } from '../../shared/api/queues';
import { ALARM_PERIOD, alarmOnAny } from './alarm-on-any';
import { addFunctionAlarms } from './alarms';
import { ApiFunction, tableFunction, type AccessResources } from './api-function';
import { constructIdOf } from './deadline-clock';

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

export interface EventBusProps {
  readonly alarmAction: IAlarmAction;
}

export class EventBus extends Construct {
  public readonly queues: Record<QueueId, Queue>;
  public readonly deadLetterQueues: Record<QueueId, Queue>;

  constructor(scope: Construct, id: string, props: EventBusProps) {
    super(scope, id);
    const queues: Partial<Record<QueueId, Queue>> = {};
    const deadLetters: Partial<Record<QueueId, Queue>> = {};
    for (const [queueId, def] of Object.entries(QUEUES) as Array<[QueueId, QueueDef]>) {
      const name = pascal(queueId);
      // SSE-SQS: encrypted at rest with no key to grant or pay for. enforceSSL denies every request
      // not made over TLS (cdk-nag SQS4). The dead-letter queue is recognized as one by cdk-nag
      // through the redrive policy below (SQS3).
      const deadLetterQueue = new Queue(this, `${name}DeadLetterQueue`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.seconds(DEAD_LETTER_RETENTION_SECONDS),
      });
      queues[queueId] = new Queue(this, `${name}Queue`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(def.visibilityTimeoutSeconds),
        retentionPeriod: Duration.seconds(def.retentionSeconds),
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: def.maxReceiveCount },
      });
      deadLetters[queueId] = deadLetterQueue;
      alarmOnAny(
        this,
        `${name}DeadLetterAlarm`,
        deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: ALARM_PERIOD,
          statistic: 'Maximum',
        }),
        `Event bus: messages of queue ${queueId} were given up after ${def.maxReceiveCount} receives; ` +
          'they wait in its dead-letter queue (docs/deploy.md says how to redrive them)',
        props.alarmAction,
      );
    }
    this.queues = queues as Record<QueueId, Queue>;
    this.deadLetterQueues = deadLetters as Record<QueueId, Queue>;
  }
}

export interface QueueConsumerProps {
  readonly fn: FunctionDef & { readonly source: QueueSource };
  readonly bus: EventBus;
  /** What its `access` may name besides its queue. */
  readonly resources?: AccessResources;
  readonly alarmAction: IAlarmAction;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

/** A function fed by one of the bus's queues, built from its function table entry. */
export class QueueConsumer extends Construct {
  public readonly handler: ApiFunction;

  constructor(scope: Construct, id: string, props: QueueConsumerProps) {
    super(scope, id);
    const { fn } = props;
    const source = fn.source;
    if (fn.access.queue?.consume !== source.queue)
      throw new Error(`${fn.id} is fed by queue ${source.queue}, so its access must consume it`);
    const queue = props.bus.queues[source.queue];
    // AWS's advice: a batch that times out must not become visible again while it still runs.
    if (fn.timeoutSeconds * 6 > QUEUES[source.queue].visibilityTimeoutSeconds)
      throw new Error(`${fn.id}: queue ${source.queue}'s visibility timeout is under six times its timeout`);

    this.handler = tableFunction(this, fn, props).bindAccess(fn.access, {
      ...props.resources,
      queues: props.bus.queues,
    });

    new EventSourceMapping(this, 'QueueMapping', {
      target: this.handler.function,
      eventSourceArn: queue.queueArn,
      batchSize: source.batchSize,
      ...(source.maxBatchingWindowSeconds !== undefined
        ? { maxBatchingWindow: Duration.seconds(source.maxBatchingWindowSeconds) }
        : {}),
      reportBatchItemFailures: source.reportBatchItemFailures,
    });

    addFunctionAlarms(this, this.handler.function, constructIdOf(fn), props.alarmAction);
  }
}
