/**
 * The alarms every function and the API get. Thresholds are "any": a handler error or a 5xx is a bug
 * (bad input is a 4xx, so a 5xx is a bug), and a throttle means a citizen was turned away.
 */
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Alarm, IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { ALARM_PERIOD, alarmOnAny } from './alarm-on-any';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

const PERIOD = ALARM_PERIOD;
const anyOf = alarmOnAny;

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
