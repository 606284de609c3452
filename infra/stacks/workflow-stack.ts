/**
 * The workflows and every function of the function table (shared/api/functions.ts): for now the
 * deadline clock (time is data: the dossier stores its due times), whose state machine, Task
 * function are described in infra/constructs/deadline-clock.ts; and the event bus
 * (infra/constructs/event-bus.ts): the table stream's one reader, the outbox dispatcher, copies
 * each outbox item to the queues subscribed to it, and each queue consumer (the clock starter
 * first) reads its own queue. Kept apart
 * from the API so either can be replaced without the other; executions in flight survive an API
 * deploy. An entry of the table that no construct here builds fails the synth.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import {
  FUNCTIONS,
  logSubscribers,
  queueConsumers,
  streamConsumers,
  type FunctionId,
} from '../../shared/api/functions';
import type { ApiFunction } from '../constructs/api-function';
import { constructIdOf, DeadlineClock } from '../constructs/deadline-clock';
import { EventBus, QueueConsumer } from '../constructs/event-bus';
import { LogSubscriber } from '../constructs/log-subscriber';
import { StreamConsumer } from '../constructs/stream-consumer';
import type { StageConfig } from '../stage';

export interface WorkflowStackProps extends StackProps {
  readonly config: StageConfig;
  /** The table the Task reads and writes, and whose stream starts the clocks. */
  readonly table: ITableV2;
  /** Wraps tenants' personal-data keys (Data stack). */
  readonly personalDataKey?: IKey;
  readonly alarmTopic: ITopic;
  /** The API's URL: notifications link to the public tracking page. */
  readonly publicBaseUrl: string;
  /** The API stage's access log, which the API-call counter subscribes to (docs/usage.md). */
  readonly accessLogs: ILogGroup;
}

export class WorkflowStack extends Stack {
  public readonly deadlineClock: DeadlineClock;
  /** The deadline-clock state machine, for functions that start or inspect executions. */
  public readonly stateMachine: StateMachine;
  /** The Lambda of each function table entry, by id. */
  public readonly functions: Readonly<Record<FunctionId, ApiFunction>>;
  /** The stream consumers among them (the outbox dispatcher), by id, with their dead-letter queues. */
  public readonly streamConsumers: Readonly<Partial<Record<FunctionId, StreamConsumer>>>;
  /** The event bus's queues and their dead-letter queues. */
  public readonly eventBus: EventBus;
  /** The queue consumers, by id. */
  public readonly queueConsumers: Readonly<Partial<Record<FunctionId, QueueConsumer>>>;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    const { config } = props;

    const alarmAction = new SnsAction(props.alarmTopic);
    const logs = { logRetention: config.logRetention, logRemovalPolicy: config.logRemovalPolicy };
    this.deadlineClock = new DeadlineClock(this, 'DeadlineClock', {
      prefix: config.prefix,
      table: props.table,
      alarmAction,
      ...logs,
    });
    this.stateMachine = this.deadlineClock.stateMachine;
    this.eventBus = new EventBus(this, 'EventBus', { alarmAction });
    const resources = {
      table: props.table,
      workflows: { deadlineClock: this.stateMachine },
      queues: this.eventBus.queues,
      publicBaseUrl: props.publicBaseUrl,
      notify: config.notify,
      personalDataKey: props.personalDataKey,
    };

    const readers: Partial<Record<FunctionId, StreamConsumer>> = {};
    for (const fn of streamConsumers())
      readers[fn.id as FunctionId] = new StreamConsumer(this, constructIdOf(fn), {
        fn,
        table: props.table,
        resources,
        alarmAction,
        ...logs,
      });
    this.streamConsumers = readers;
    const consumers: Partial<Record<FunctionId, QueueConsumer>> = {};
    for (const fn of queueConsumers())
      consumers[fn.id as FunctionId] = new QueueConsumer(this, constructIdOf(fn), {
        fn,
        bus: this.eventBus,
        resources,
        alarmAction,
        ...logs,
      });
    this.queueConsumers = consumers;
    // The metering consumers are all here: the API-call counter reads the access log's lines.
    const subscribers: Partial<Record<FunctionId, LogSubscriber>> = {};
    for (const fn of logSubscribers())
      subscribers[fn.id as FunctionId] = new LogSubscriber(this, constructIdOf(fn), {
        fn,
        logGroups: { apiAccessLog: props.accessLogs },
        resources,
        alarmAction,
        ...logs,
      });

    const built: Partial<Record<FunctionId, ApiFunction>> = { ...this.deadlineClock.tasks };
    for (const [id, consumer] of Object.entries({ ...readers, ...consumers, ...subscribers }))
      built[id as FunctionId] = (consumer as StreamConsumer | QueueConsumer | LogSubscriber).handler;
    const missing = FUNCTIONS.filter((f) => !built[f.id]).map((f) => f.id);
    if (missing.length > 0)
      throw new Error(
        `Function table entries ${missing.join(', ')} are built by no construct of the workflow stack`,
      );
    this.functions = built as Record<FunctionId, ApiFunction>;

    // For the runbook in docs/deploy.md: starting a clock by hand, reading what was dead-lettered.
    new CfnOutput(this, 'DeadlineClockStateMachineArn', {
      value: this.stateMachine.stateMachineArn,
      description: 'The deadline-clock state machine (one execution per dossier and deadline version)',
    });
    new CfnOutput(this, 'DispatchOutboxDeadLetterQueueUrl', {
      value: (this.streamConsumers.dispatchOutbox as StreamConsumer).deadLetterQueue.queueUrl,
      description: 'Stream records the outbox dispatcher gave up on (shard and sequence numbers)',
    });
    for (const [queue, dlq] of Object.entries(this.eventBus.deadLetterQueues))
      new CfnOutput(this, `${queue.charAt(0).toUpperCase()}${queue.slice(1)}DeadLetterQueueUrl`, {
        value: dlq.queueUrl,
        description: `Messages of the ${queue} queue given up after their receives`,
      });
  }
}
