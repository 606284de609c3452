/**
 * A function fed by the table's DynamoDB stream (outbox events ride the stream
 * to their consumers). Only the records its filters match reach it: Lambda drops the rest before
 * invoking, at no cost, and the offline stream poller applies the same patterns.
 *
 * Failure handling, for a handler that is idempotent and reports failures per record:
 * - `reportBatchItemFailures`: the handler names the first record that failed; only it and the
 *   records after it are retried, the ones before it are not processed twice.
 * - `bisectBatchOnError`: a batch that fails as a whole is split in halves, so one poison record
 *   cannot hold back the other nine.
 * - `retryAttempts` and `maxRecordAge` bound the retries, then the record's position goes to the
 *   dead-letter queue and the shard moves on. A stream keeps records for 24 hours: the age limit
 *   leaves most of that day to replay a dead-lettered range (docs/deploy.md says how).
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALARM_PERIOD, alarmOnAny } from './alarm-on-any';
import { addFunctionAlarms } from './alarms';
import { ApiFunction } from './api-function';
import { acknowledge } from './nag';

/** How the event source mapping reads and retries; see the module comment for why. */
export const STREAM_CONSUMER_SETTINGS = {
  batchSize: 10,
  retryAttempts: 10,
  maxRecordAge: Duration.hours(1),
  /** SQS's maximum: the dead-letter entries are the record of what was never processed. */
  deadLetterRetention: Duration.days(14),
} as const;

export interface StreamConsumerProps {
  /** Handler module relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  /** The table whose stream feeds the function. */
  readonly table: ITableV2;
  /**
   * Lambda event filter patterns (a record passes when any pattern matches). Plain objects, as the
   * offline poller reads them; `FilterCriteria.filter` serializes each.
   */
  readonly filters: readonly Readonly<Record<string, unknown>>[];
  readonly environment?: Record<string, string>;
  readonly timeout?: Duration;
  readonly alarmAction: IAlarmAction;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

export class StreamConsumer extends Construct {
  public readonly handler: ApiFunction;
  /** Where the position of records that could not be processed goes (metadata, not the record). */
  public readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: StreamConsumerProps) {
    super(scope, id);
    if (props.filters.length === 0) {
      throw new Error(
        `${this.node.path}: a stream consumer needs a filter, or it is invoked for every write`,
      );
    }

    this.handler = new ApiFunction(this, 'Handler', {
      entry: props.entry,
      description: props.description,
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
      environment: props.environment,
      timeout: props.timeout,
    });

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      // SSE-SQS: encrypted at rest with no key to grant or pay for; the messages hold only shard
      // ids and sequence numbers.
      encryption: QueueEncryption.SQS_MANAGED,
      // Denies every request not made over TLS (cdk-nag SQS4).
      enforceSSL: true,
      retentionPeriod: STREAM_CONSUMER_SETTINGS.deadLetterRetention,
    });
    acknowledge(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'This queue is itself a dead-letter queue: the on-failure destination of the stream event ' +
        'source mapping, which cdk-nag does not recognize (it looks only at redrive policies and ' +
        'Lambda DeadLetterConfig). A dead-letter queue of a dead-letter queue would hold nothing.',
    );

    // Binding grants the function the stream reads (table.grantStreamRead: the stream ARN only)
    // and sqs:SendMessage on the dead-letter queue.
    this.handler.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: STREAM_CONSUMER_SETTINGS.batchSize,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: STREAM_CONSUMER_SETTINGS.retryAttempts,
        maxRecordAge: STREAM_CONSUMER_SETTINGS.maxRecordAge,
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: props.filters.map((pattern) => FilterCriteria.filter(pattern)),
      }),
    );

    addFunctionAlarms(this, this.handler.function, id, props.alarmAction);
    alarmOnAny(
      this,
      'DeadLetterAlarm',
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: ALARM_PERIOD,
        statistic: 'Maximum',
      }),
      `${id}: stream records were given up after their retries; replay them within 24 hours (docs/deploy.md)`,
      props.alarmAction,
    );
  }
}
