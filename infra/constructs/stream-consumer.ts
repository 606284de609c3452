/**
 * A function fed by the table's DynamoDB stream (outbox events ride the stream to their
 * consumers), built from its entry in the function table (shared/api/functions.ts), which the
 * offline stream poller serves too. Only the records its filters match reach it: Lambda drops the
 * rest before invoking, at no cost, and the offline poller applies the same patterns.
 *
 * Failure handling, as the entries set it, for a handler that is idempotent and reports failures
 * per record:
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
import type { FunctionDef, TableStreamSource } from '../../shared/api/functions';
import { ALARM_PERIOD, alarmOnAny } from './alarm-on-any';
import { addFunctionAlarms } from './alarms';
import { ApiFunction, tableFunction, type AccessResources } from './api-function';
import { acknowledge } from './nag';

/** SQS's maximum: the dead-letter entries are the record of what was never processed. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

export interface StreamConsumerProps {
  /** Its function table entry: handler, timeout, memory, filters, batching, retries, access. */
  readonly fn: FunctionDef & { readonly source: TableStreamSource };
  /** The table whose stream feeds the function. */
  readonly table: ITableV2;
  /** What its `access` may name besides. */
  readonly resources?: AccessResources;
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
    const { fn } = props;
    const source = fn.source;
    if (source.filters.length === 0) {
      throw new Error(
        `${this.node.path}: a stream consumer needs a filter, or it is invoked for every write`,
      );
    }

    this.handler = tableFunction(this, fn, props).bindAccess(fn.access, {
      table: props.table,
      ...props.resources,
    });

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      // SSE-SQS: encrypted at rest with no key to grant or pay for; the messages hold only shard
      // ids and sequence numbers.
      encryption: QueueEncryption.SQS_MANAGED,
      // Denies every request not made over TLS (cdk-nag SQS4).
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
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
        batchSize: source.batchSize,
        bisectBatchOnError: source.bisectBatchOnError,
        reportBatchItemFailures: source.reportBatchItemFailures,
        retryAttempts: source.retryAttempts,
        maxRecordAge: Duration.seconds(source.maxRecordAgeSeconds),
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: source.filters.map((pattern) => FilterCriteria.filter(pattern)),
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
