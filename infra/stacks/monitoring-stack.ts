/**
 * Where alarms go: one encrypted SNS topic per stage. Its own stack so every stack that raises
 * alarms (the API now, the deadline workflows later) notifies the same people. It also holds the
 * alarms on the application's own metrics: a webhook delivery given up (dead-lettered) tells the
 * operators at once, beside the ERROR log line the deliverer writes for the tenant's admin.
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { AlarmTopic } from '../constructs/alarm-topic';
import { FUNCTION_DEFAULTS } from '../constructs/api-function';
import type { StageConfig } from '../stage';

/** The metric functions/webhooks/deliver.ts adds when it gives a delivery up. */
export const WEBHOOK_DEAD_LETTERED_METRIC = 'WebhookDeadLettered';

export interface MonitoringStackProps extends StackProps {
  readonly config: StageConfig;
}

export class MonitoringStack extends Stack {
  public readonly alarmTopic: ITopic;
  public readonly webhookDeadLetteredAlarm: Alarm;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    this.alarmTopic = new AlarmTopic(this, 'Alarms', {
      displayName: `${props.config.prefix} alarms`,
      email: props.config.alarmEmail,
    }).topic;

    this.webhookDeadLetteredAlarm = new Alarm(this, 'WebhookDeadLetteredAlarm', {
      metric: new Metric({
        namespace: FUNCTION_DEFAULTS.metricsNamespace,
        metricName: WEBHOOK_DEAD_LETTERED_METRIC,
        dimensionsMap: { service: FUNCTION_DEFAULTS.serviceName },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No delivery given up, no data point: that is the healthy state.
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription:
        'Webhooks: a delivery was retried for three days and given up; it is kept as `dead` in the ' +
        'delivery log (GET /v1/webhooks/subscriptions/{id}/deliveries?status=dead) and can be redelivered',
    });
    this.webhookDeadLetteredAlarm.addAlarmAction(new SnsAction(this.alarmTopic));
  }
}
