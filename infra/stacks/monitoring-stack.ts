/**
 * Where alarms go: one encrypted SNS topic per stage. Its own stack so every stack that raises
 * alarms (the API now, the deadline workflows later) notifies the same people. It also holds the
 * alarms on the application's own metrics (shared/api/app-metrics.ts): a webhook delivery given up
 * (dead-lettered) tells the operators at once, beside the ERROR log line the deliverer writes for the
 * tenant's admin; overdue dossiers and failed webhook attempts piling up tell them something is
 * stuck (a province's staff away, a subscriber's endpoint down).
 *
 * These alarms watch the platform-wide series, not one series per province: provinces are created at
 * run time (the operator API), so CDK cannot know them, and an alarm per province would cost
 * $0.10 a month each for a question the dashboard answers (its per-tenant widgets, found by SEARCH,
 * show which province raised the count).
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { AlarmTopic } from '../constructs/alarm-topic';
import { APP_METRICS, type AppMetricName } from '../../shared/api/app-metrics';
import { FUNCTION_DEFAULTS } from '../constructs/api-function';
import type { StageConfig } from '../stage';

/** The metric functions/webhooks/deliver.ts adds when it gives a delivery up. */
export const WEBHOOK_DEAD_LETTERED_METRIC = APP_METRICS.names.webhookDeadLettered;

/**
 * Dossiers going overdue in one hour, over all provinces, before the operators are told. A few an hour
 * is ordinary for a large province (a late supplement, a sick official); ten in one hour means a
 * queue nobody is working or a clock that fired wrongly.
 */
export const OVERDUE_ALARM = { threshold: 10, period: Duration.hours(1) } as const;

/**
 * Failed webhook attempts in one hour, over all subscribers. A subscriber down is retried on a
 * backing-off schedule (a handful of attempts an hour), so twenty means several endpoints down or
 * one province's integration broken; the dashboard's per-tenant widget says which.
 */
export const WEBHOOK_FAILED_ALARM = { threshold: 20, period: Duration.hours(1) } as const;

/** The platform-wide series of an application metric (the `[service]` dimension set). */
export function appMetric(name: AppMetricName, period: Duration): Metric {
  return new Metric({
    namespace: APP_METRICS.namespace,
    metricName: name,
    dimensionsMap: { [APP_METRICS.serviceDimension]: APP_METRICS.service },
    statistic: 'Sum',
    period,
  });
}

export interface MonitoringStackProps extends StackProps {
  readonly config: StageConfig;
}

export class MonitoringStack extends Stack {
  public readonly alarmTopic: ITopic;
  public readonly webhookDeadLetteredAlarm: Alarm;
  public readonly overdueAlarm: Alarm;
  public readonly webhookFailedAlarm: Alarm;

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
    const action = new SnsAction(this.alarmTopic);
    this.webhookDeadLetteredAlarm.addAlarmAction(action);

    this.overdueAlarm = thresholdAlarm(
      this,
      'DossiersOverdueAlarm',
      appMetric(APP_METRICS.names.dossiersOverdue, OVERDUE_ALARM.period),
      OVERDUE_ALARM.threshold,
      `Deadlines: ${OVERDUE_ALARM.threshold} or more dossiers went overdue within an hour, all provinces ` +
        'together. The operations dashboard ("Overdue dossiers per province") shows which province; ' +
        'its reports (GET /v1/reports, pendingOverdue) list the cells.',
    );
    this.overdueAlarm.addAlarmAction(action);
    this.overdueAlarm.addOkAction(action);

    this.webhookFailedAlarm = thresholdAlarm(
      this,
      'WebhookDeliveryFailedAlarm',
      appMetric(APP_METRICS.names.webhookDeliveryFailed, WEBHOOK_FAILED_ALARM.period),
      WEBHOOK_FAILED_ALARM.threshold,
      `Webhooks: ${WEBHOOK_FAILED_ALARM.threshold} or more failed delivery attempts within an hour. ` +
        'The operations dashboard ("Failed webhook attempts per province") shows whose subscriber; ' +
        'the delivery log (GET /v1/webhooks/subscriptions/{id}/deliveries) shows the answers.',
    );
    this.webhookFailedAlarm.addAlarmAction(action);
    this.webhookFailedAlarm.addOkAction(action);
  }
}

/** Fires when the count reaches `threshold` in one period; no data (nothing counted) is healthy. */
function thresholdAlarm(
  scope: Construct,
  id: string,
  metric: Metric,
  threshold: number,
  description: string,
): Alarm {
  return new Alarm(scope, id, {
    metric,
    threshold,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: description,
  });
}
