/**
 * The stage's operations dashboard: what a province is judged by going wrong (overdue dossiers,
 * failed webhooks, per province), the API (answers, 4xx/5xx, p95 per route group), every function's
 * errors and throttles, the deadline clocks and the dead-letter queues. The alarms are elsewhere
 * (each beside what it watches); the dashboard is where an operator goes when one fires.
 *
 * Per-province widgets use SEARCH over the `[service, Tenant]` series (shared/platform/tenant-metrics.ts),
 * so a province created tomorrow shows up without a deploy. Route groups are the routes' first
 * OpenAPI tag (shared/api/routes.ts); their latency is the handlers' p95 duration (AWS/Lambda
 * metrics cost nothing, while API Gateway's per-route metrics would be a custom metric per route and
 * statistic) beside a Logs Insights table of the access logs' p95 per route, which includes the
 * gateway's own time.
 */
import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  HorizontalAnnotation,
  LogQueryWidget,
  MathExpression,
  TextWidget,
  type IAlarm,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { APP_METRICS, type AppMetricName } from '../../shared/api/app-metrics';
import { routeKey, type RouteDef } from '../../shared/api/routes';

const PERIOD = Duration.minutes(5);
const HOUR = Duration.hours(1);
const WIDTH = 24;

export interface OperationsDashboardProps {
  readonly dashboardName: string;
  readonly api: IHttpApi;
  readonly accessLogs: ILogGroup;
  /** Every route with the function that answers it. */
  readonly routes: ReadonlyArray<{ readonly route: RouteDef; readonly fn: IFunction }>;
  /** The functions that are not routes (queue and stream consumers, clock tasks), by id. */
  readonly otherFunctions: Readonly<Record<string, IFunction>>;
  readonly stateMachine: IStateMachine;
  /** Dead-letter queues by the name shown. */
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  /** The application alarms shown at the top (overdue, webhooks). */
  readonly alarms: readonly IAlarm[];
  /** Thresholds drawn on the per-province graphs, so a reader sees how far a province is from them. */
  readonly overdueThreshold: number;
  readonly webhookFailedThreshold: number;
}

/** The SEARCH expression of one application metric, one series per province. */
export function perTenantSearch(name: AppMetricName, period: Duration): string {
  const { namespace, serviceDimension, tenantDimension } = APP_METRICS;
  return `SEARCH('{${namespace},${serviceDimension},${tenantDimension}} MetricName="${name}"', 'Sum', ${period.toSeconds()})`;
}

/** Route groups in the order of routes.ts, each with its routes. */
export function routeGroups<T extends { readonly route: RouteDef }>(routes: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of routes) {
    const tag = r.route.tags[0] ?? 'other';
    groups.set(tag, [...(groups.get(tag) ?? []), r]);
  }
  return groups;
}

export class OperationsDashboard extends Construct {
  public readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Một cửa: vận hành / operations\n' +
          'Per-province series appear by themselves (SEARCH on the `Tenant` dimension). The alarms ' +
          'watch the platform-wide sums and mail the alarm topic; docs/deploy.md "Operations" says ' +
          'what each one means and what to do.',
        width: WIDTH,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new AlarmStatusWidget({
        title: 'Application alarms',
        alarms: [...props.alarms],
        width: WIDTH,
        height: 3,
      }),
    );
    this.dashboard.addWidgets(...this.provinceWidgets(props));
    this.dashboard.addWidgets(...this.apiWidgets(props));
    this.dashboard.addWidgets(...this.routeGroupWidgets(props));
    this.dashboard.addWidgets(...this.functionWidgets(props));
    this.dashboard.addWidgets(...this.workflowWidgets(props));
  }

  private provinceWidgets(props: OperationsDashboardProps): IWidget[] {
    const perTenant = (title: string, name: AppMetricName, threshold?: number) =>
      new GraphWidget({
        title,
        width: WIDTH / 4,
        left: [new MathExpression({ expression: perTenantSearch(name, HOUR), period: HOUR, label: '' })],
        leftAnnotations: threshold === undefined ? [] : [thresholdLine(threshold, 'alarm (all provinces)')],
        period: HOUR,
        statistic: 'Sum',
      });
    const n = APP_METRICS.names;
    return [
      perTenant('Overdue dossiers per province (per hour)', n.dossiersOverdue, props.overdueThreshold),
      perTenant('Overdue steps per province (per hour)', n.stepsOverdue),
      perTenant(
        'Failed webhook attempts per province (per hour)',
        n.webhookDeliveryFailed,
        props.webhookFailedThreshold,
      ),
      perTenant('Webhook deliveries given up per province', n.webhookDeadLettered, 1),
    ];
  }

  private apiWidgets(props: OperationsDashboardProps): IWidget[] {
    const { api } = props;
    const sum = { period: PERIOD, statistic: 'Sum' };
    return [
      new GraphWidget({
        title: 'API answers: all, 4xx, 5xx',
        width: WIDTH / 2,
        left: [api.metricCount(sum), api.metricClientError(sum), api.metricServerError(sum)],
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        width: WIDTH / 2,
        left: ['p50', 'p95', 'p99'].map((statistic) =>
          api.metricLatency({ period: PERIOD, statistic, label: `latency ${statistic}` }),
        ),
        right: [api.metricIntegrationLatency({ period: PERIOD, statistic: 'p95', label: 'integration p95' })],
      }),
    ];
  }

  private routeGroupWidgets(props: OperationsDashboardProps): IWidget[] {
    const widgets: IWidget[] = [];
    for (const [group, routes] of routeGroups(props.routes)) {
      widgets.push(
        new GraphWidget({
          title: `p95 handler duration (ms): ${group}`,
          width: WIDTH / 4,
          left: routes.map(({ route, fn }) =>
            fn.metricDuration({ period: PERIOD, statistic: 'p95', label: routeKey(route) }),
          ),
        }),
      );
    }
    widgets.push(
      new LogQueryWidget({
        title: 'API access log: p95 latency and errors per route (ms, includes the gateway)',
        width: WIDTH,
        height: 8,
        logGroupNames: [props.accessLogs.logGroupName],
        queryLines: [
          'fields routeKey, latency, status',
          'stats pct(latency, 95) as p95, count(*) as requests, sum(status >= 400 and status < 500) as c4xx, ' +
            'sum(status >= 500) as c5xx by routeKey',
          'sort p95 desc',
          'limit 50',
        ],
      }),
    );
    return widgets;
  }

  private functionWidgets(props: OperationsDashboardProps): IWidget[] {
    const all: Array<[string, IFunction]> = [
      ...props.routes.map(({ route, fn }) => [route.id, fn] as [string, IFunction]),
      ...Object.entries(props.otherFunctions),
    ];
    const lines = (metric: (fn: IFunction, label: string) => IMetric) =>
      all.map(([label, fn]) => metric(fn, label));
    return [
      new GraphWidget({
        title: 'Function errors (every function; any is a bug and has its own alarm)',
        width: WIDTH / 2,
        left: lines((fn, label) => fn.metricErrors({ period: PERIOD, statistic: 'Sum', label })),
      }),
      new GraphWidget({
        title: 'Function throttles (every function; each has its own alarm)',
        width: WIDTH / 2,
        left: lines((fn, label) => fn.metricThrottles({ period: PERIOD, statistic: 'Sum', label })),
      }),
    ];
  }

  private workflowWidgets(props: OperationsDashboardProps): IWidget[] {
    const sum = { period: PERIOD, statistic: 'Sum' };
    const sm = props.stateMachine;
    return [
      new GraphWidget({
        title: 'Deadline clocks: executions',
        width: WIDTH / 2,
        left: [sm.metricStarted(sum), sm.metricSucceeded(sum)],
        right: [sm.metricFailed(sum), sm.metricTimedOut(sum), sm.metricAborted(sum)],
      }),
      new GraphWidget({
        title: 'Dead-letter queues: messages waiting',
        width: WIDTH / 2,
        left: Object.entries(props.deadLetterQueues).map(([label, q]) =>
          q.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum', label }),
        ),
        leftAnnotations: [thresholdLine(1, 'alarm')],
      }),
    ];
  }
}

function thresholdLine(value: number, label: string): HorizontalAnnotation {
  return { value, label, color: '#d62728' };
}
