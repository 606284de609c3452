/**
 * An alarm that fires on the first occurrence of something that should never happen (a failed
 * execution, a dead-lettered record), with the same settings as the function and API alarms in
 * `alarms.ts`: threshold 1 in one 5-minute period, no data is "fine", and both ALARM and OK notify.
 */
import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  TreatMissingData,
  type IAlarmAction,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';

export const ALARM_PERIOD = Duration.minutes(5);

export function alarmOnAny(
  scope: Construct,
  id: string,
  metric: IMetric,
  description: string,
  action: IAlarmAction,
): Alarm {
  const alarm = new Alarm(scope, id, {
    metric,
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: description,
  });
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}
