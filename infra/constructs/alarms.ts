/**
 * The alarms every function and the API get. Thresholds are "any": a handler error or a 5xx is a bug
 * (DESIGN: errors are answers, bad input is a 4xx), and a throttle means a citizen was turned away.
 */
import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  ComparisonOperator,
  TreatMissingData,
  type Alarm,
  type IAlarmAction,
  type Metric,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

const PERIOD = Duration.minutes(5);

function anyOf(
  scope: Construct,
  id: string,
  metric: Metric,
  description: string,
  action: IAlarmAction,
): Alarm {
  const alarm = metric.createAlarm(scope, id, {
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    // No invocations means nothing went wrong, not "unknown".
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: description,
  });
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}

/** Errors and Throttles alarms of one function, created inside `scope`. */
export function addFunctionAlarms(
  scope: Construct,
  fn: IFunction,
  label: string,
  action: IAlarmAction,
): Alarm[] {
  return [
    anyOf(
      scope,
      'ErrorsAlarm',
      fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
      `${label}: the handler failed`,
      action,
    ),
    anyOf(
      scope,
      'ThrottlesAlarm',
      fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
      `${label}: invocations were throttled (concurrency limit reached)`,
      action,
    ),
  ];
}

/** 5xx answers of the whole HTTP API (all stages), created inside `scope`. */
export function addApiAlarms(scope: Construct, api: IHttpApi, action: IAlarmAction): Alarm[] {
  return [
    anyOf(
      scope,
      'ServerErrorAlarm',
      api.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      'HTTP API answered 5xx: a handler bug, a timeout or an integration failure',
      action,
    ),
  ];
}
