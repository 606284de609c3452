/**
 * The workflows and every function of the function table (shared/api/functions.ts): for now the
 * deadline clock (time is data: the dossier stores its due times), whose state machine, Task
 * function and stream-fed starter are described in infra/constructs/deadline-clock.ts. Kept apart
 * from the API so either can be replaced without the other; executions in flight survive an API
 * deploy. An entry of the table that no construct here builds fails the synth.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { FUNCTIONS, streamConsumers, type FunctionId } from '../../shared/api/functions';
import type { ApiFunction } from '../constructs/api-function';
import { DeadlineClock } from '../constructs/deadline-clock';
import type { StreamConsumer } from '../constructs/stream-consumer';
import type { StageConfig } from '../stage';

export interface WorkflowStackProps extends StackProps {
  readonly config: StageConfig;
  /** The table the Task reads and writes, and whose stream starts the clocks. */
  readonly table: ITableV2;
  readonly alarmTopic: ITopic;
}

export class WorkflowStack extends Stack {
  public readonly deadlineClock: DeadlineClock;
  /** The deadline-clock state machine, for functions that start or inspect executions. */
  public readonly stateMachine: StateMachine;
  /** The Lambda of each function table entry, by id. */
  public readonly functions: Readonly<Record<FunctionId, ApiFunction>>;
  /** The stream consumers among them, by id, with their dead-letter queues. */
  public readonly streamConsumers: Readonly<Partial<Record<FunctionId, StreamConsumer>>>;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.deadlineClock = new DeadlineClock(this, 'DeadlineClock', {
      prefix: config.prefix,
      table: props.table,
      alarmAction: new SnsAction(props.alarmTopic),
      logRetention: config.logRetention,
      logRemovalPolicy: config.logRemovalPolicy,
      starters: streamConsumers().filter((f) => f.access.startExecution?.includes('deadlineClock')),
    });
    this.stateMachine = this.deadlineClock.stateMachine;
    this.streamConsumers = { ...this.deadlineClock.starters };

    const built: Partial<Record<FunctionId, ApiFunction>> = { ...this.deadlineClock.tasks };
    for (const [id, consumer] of Object.entries(this.streamConsumers))
      built[id as FunctionId] = (consumer as StreamConsumer).handler;
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
    new CfnOutput(this, 'StartClockDeadLetterQueueUrl', {
      value: (this.streamConsumers.startClock as StreamConsumer).deadLetterQueue.queueUrl,
      description: 'Stream records the clock starter gave up on (shard and sequence numbers)',
    });
  }
}
