/**
 * The alarms every function and the API get. Thresholds are "any": a handler error or a 5xx is a bug
 * (bad input is a 4xx, so a 5xx is a bug), and a throttle means a citizen was turned away.
 */
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  TreatMissingData,
  type IAlarmAction,
} from 'aws-cdk-lib/aws-cloudwatch';
import { ALARM_PERIOD, alarmOnAny } from './alarm-on-any';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

const PERIOD = ALARM_PERIOD;
const anyOf = alarmOnAny;

/**
 * One alarm per function, on its errors and its throttles together: either means a citizen or a
 * province was let down, the alarm's description says which function, and the operations dashboard
 * (infra/stacks/operations-stack.ts) shows the two series apart. One alarm instead of two halves the
 * alarms' cost (USD 0.10 a month each) and keeps the Api stack, which holds one function per route,
 * well under CloudFormation's 500 resources per stack. FILL: Lambda publishes Throttles only when
 * some occur, and a sum with a missing series would have no value to compare.
 */
export function addFunctionAlarms(
  scope: Construct,
  fn: IFunction,
  label: string,
  action: IAlarmAction,
): Alarm[] {
  const errorsOrThrottles = new MathExpression({
    expression: 'FILL(errors, 0) + FILL(throttles, 0)',
    usingMetrics: {
      errors: fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
      throttles: fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
    },
    period: PERIOD,
    label: `${label}: errors + throttles`,
  });
  return [
    anyOf(
      scope,
      'ErrorsOrThrottlesAlarm',
      errorsOrThrottles,
      `${label}: the handler failed, or invocations were throttled (concurrency limit reached)`,
      action,
    ),
  ];
}

/**
 * Not "any": a 4xx is a caller's mistake and a slow answer happens. These fire when it lasts:
 * three 5-minute periods in a row.
 */
export const API_HEALTH_ALARMS = {
  /** Share of answers that are 4xx, in %, counted once the API had `minRequests` in the period. */
  clientErrorPercent: 25,
  minRequests: 50,
  /** p95 of the API's answer time, ms: the handlers answer in tens of ms, a report in < 1 s. */
  latencyP95Ms: 3000,
  evaluationPeriods: 3,
} as const;

/** 5xx answers, 4xx share and p95 latency of the whole HTTP API (all stages), created inside `scope`. */
export function addApiAlarms(scope: Construct, api: IHttpApi, action: IAlarmAction): Alarm[] {
  const t = API_HEALTH_ALARMS;
  // A broken web app or integration (an expired client secret, a changed schema) shows as 4xx
  // everywhere; a few requests with 4xx are ordinary, hence the share and the minimum traffic.
  const clientErrorShare = new MathExpression({
    expression: `IF(requests >= ${t.minRequests}, 100 * errors4xx / requests, 0)`,
    usingMetrics: {
      requests: api.metricCount({ period: PERIOD, statistic: 'Sum' }),
      errors4xx: api.metricClientError({ period: PERIOD, statistic: 'Sum' }),
    },
    period: PERIOD,
    label: '4xx share of answers (%)',
  });
  const sustained = (
    id: string,
    metric: MathExpression | ReturnType<IHttpApi['metricLatency']>,
    threshold: number,
    description: string,
  ) => {
    const alarm = new Alarm(scope, id, {
      metric,
      threshold,
      evaluationPeriods: t.evaluationPeriods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    return alarm;
  };
  return [
    anyOf(
      scope,
      'ServerErrorAlarm',
      api.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      'HTTP API answered 5xx: a handler bug, a timeout or an integration failure',
      action,
    ),
    sustained(
      'ClientErrorShareAlarm',
      clientErrorShare,
      t.clientErrorPercent,
      `HTTP API: more than ${t.clientErrorPercent}% of answers were 4xx for 15 minutes (with at least ` +
        `${t.minRequests} requests per 5 minutes): a client sends what the API refuses, or someone probes it`,
    ),
    sustained(
      'LatencyP95Alarm',
      api.metricLatency({ period: PERIOD, statistic: 'p95' }),
      t.latencyP95Ms,
      `HTTP API: p95 answer time above ${t.latencyP95Ms} ms for 15 minutes; the operations dashboard ` +
        'shows which route group is slow',
    ),
  ];
}
