/**
 * The workflows: for now the deadline clock (time is data: the dossier stores its due times), whose state machine, Task
 * function and stream-fed starter are described in infra/constructs/deadline-clock.ts. Kept apart
 * from the API so either can be replaced without the other; executions in flight survive an API
 * deploy.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { DeadlineClock } from '../constructs/deadline-clock';
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

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.deadlineClock = new DeadlineClock(this, 'DeadlineClock', {
      prefix: config.prefix,
      table: props.table,
      alarmAction: new SnsAction(props.alarmTopic),
      logRetention: config.logRetention,
      logRemovalPolicy: config.logRemovalPolicy,
    });
    this.stateMachine = this.deadlineClock.stateMachine;

    // For the runbook in docs/deploy.md: starting a clock by hand, reading what was dead-lettered.
    new CfnOutput(this, 'DeadlineClockStateMachineArn', {
      value: this.stateMachine.stateMachineArn,
      description: 'The deadline-clock state machine (one execution per dossier and deadline version)',
    });
    new CfnOutput(this, 'StartClockDeadLetterQueueUrl', {
      value: this.deadlineClock.starter.deadLetterQueue.queueUrl,
      description: 'Stream records the clock starter gave up on (shard and sequence numbers)',
    });
  }
}
