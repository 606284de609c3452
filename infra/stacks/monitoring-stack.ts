/**
 * Where alarms go: one encrypted SNS topic per stage. Its own stack so every stack that raises
 * alarms (the API now, the deadline workflows later) notifies the same people.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { AlarmTopic } from '../constructs/alarm-topic';
import type { StageConfig } from '../stage';

export interface MonitoringStackProps extends StackProps {
  readonly config: StageConfig;
}

export class MonitoringStack extends Stack {
  public readonly alarmTopic: ITopic;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    this.alarmTopic = new AlarmTopic(this, 'Alarms', {
      displayName: `${props.config.prefix} alarms`,
      email: props.config.alarmEmail,
    }).topic;
  }
}
