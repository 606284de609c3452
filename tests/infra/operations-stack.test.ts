import { Match } from 'aws-cdk-lib/assertions';
import { APP_METRICS } from '../../shared/api/app-metrics';
import { FUNCTIONS } from '../../shared/api/functions';
import { QUEUES } from '../../shared/api/queues';
import { ROUTES, routeKey } from '../../shared/api/routes';
import { API_HEALTH_ALARMS } from '../../infra/constructs/alarms';
import { OVERDUE_ALARM, WEBHOOK_FAILED_ALARM } from '../../infra/stacks/monitoring-stack';
import { buildTestApp, nagFindings } from './fixture';

const testApp = buildTestApp();
const { operations, monitoring, api } = testApp.stacks;
const template = testApp.template(operations);

/** The dashboard body with every CloudFormation token (imports, Refs) replaced by `<token>`, parsed. */
function dashboardBody(): {
  widgets: Array<{ type: string; width: number; properties: Record<string, unknown> }>;
} {
  const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  expect(dashboards).toHaveLength(1);
  const body = dashboards[0]!.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] };
  const text = body['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : '<token>')).join('');
  return JSON.parse(text);
}

const widgets = dashboardBody().widgets;
const titled = (fragment: string) =>
  widgets.filter((w) => String(w.properties.title ?? '').includes(fragment));
const metricsOf = (w: { properties: Record<string, unknown> }) => JSON.stringify(w.properties.metrics ?? []);

describe('OperationsStack dashboard', () => {
  it('is one dashboard named after the stage', () => {
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'MotCua-test-operations' });
  });

  it('shows overdue dossiers and webhook failures per province with a SEARCH on the Tenant dimension', () => {
    for (const [title, name] of [
      ['Overdue dossiers per province', APP_METRICS.names.dossiersOverdue],
      ['Overdue steps per province', APP_METRICS.names.stepsOverdue],
      ['Failed webhook attempts per province', APP_METRICS.names.webhookDeliveryFailed],
      ['Webhook deliveries given up per province', APP_METRICS.names.webhookDeadLettered],
    ] as const) {
      const [w] = titled(title);
      expect(w).toBeDefined();
      expect(metricsOf(w!)).toContain(
        `SEARCH('{MotCua,service,Tenant} MetricName=\\"${name}\\"', 'Sum', 3600)`,
      );
    }
    // The alarm's threshold is drawn on the per-province graph.
    expect(JSON.stringify(titled('Overdue dossiers per province')[0]!.properties.annotations)).toContain(
      `"value":${OVERDUE_ALARM.threshold}`,
    );
  });

  it('has a latency graph per route group holding every route of the group', () => {
    const groups = new Set(ROUTES.map((r) => r.tags[0]));
    for (const group of groups) {
      const [w] = titled(`p95 handler duration (ms): ${group}`);
      expect(w).toBeDefined();
      const shown = metricsOf(w!);
      for (const r of ROUTES.filter((x) => x.tags[0] === group))
        expect(shown).toContain(`"label":"${routeKey(r)}"`);
      expect(shown).toContain('"p95"');
    }
  });

  it('has the API answers (4xx, 5xx) and latency, and a Logs Insights p95 per route on the access logs', () => {
    const answers = metricsOf(titled('API answers')[0]!);
    for (const m of ['Count', '4xx', '5xx']) expect(answers).toContain(`"${m}"`);
    expect(metricsOf(titled('API latency')[0]!)).toContain('"p95"');
    const logs = widgets.find((w) => w.type === 'log');
    expect(String(logs?.properties.query)).toContain('pct(latency, 95)');
  });

  it('has every function in the errors and throttles graphs', () => {
    const errors = metricsOf(titled('Function errors')[0]!);
    const throttles = metricsOf(titled('Function throttles')[0]!);
    for (const id of [...ROUTES.map((r) => r.id), ...FUNCTIONS.map((f) => f.id)]) {
      expect(errors).toContain(`"label":"${id}"`);
      expect(throttles).toContain(`"label":"${id}"`);
    }
  });

  it('has the deadline clocks failures and every dead-letter queue', () => {
    const clocks = metricsOf(titled('Deadline clocks')[0]!);
    expect(clocks).toContain('"ExecutionsFailed"');
    expect(clocks).toContain('"ExecutionsTimedOut"');
    const dlq = metricsOf(titled('Dead-letter queues')[0]!);
    for (const queue of Object.keys(QUEUES)) expect(dlq).toContain(`"label":"${queue}"`);
    expect(dlq).toContain('(stream)');
  });

  it('shows the application alarms at the top', () => {
    const status = widgets.find((w) => w.type === 'alarm');
    expect((status?.properties.alarms as unknown[]).length).toBe(3);
  });

  it('passes cdk-nag', () => {
    expect(nagFindings(testApp, operations).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('alarms on the application metrics (monitoring stack)', () => {
  const mon = testApp.template(monitoring);
  const topic = { Ref: Match.stringLikeRegexp('AlarmsTopic') };

  it.each([
    ['DossiersOverdue', OVERDUE_ALARM.threshold],
    ['WebhookDeliveryFailed', WEBHOOK_FAILED_ALARM.threshold],
  ])('%s: platform-wide sum per hour ≥ its threshold notifies the alarm topic', (metric, threshold) => {
    mon.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'MotCua',
      MetricName: metric,
      Dimensions: [{ Name: 'service', Value: 'mot-cua' }],
      Statistic: 'Sum',
      Period: 3600,
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
      OKActions: [topic],
    });
  });
});

describe('API alarms (api stack)', () => {
  const apiTemplate = testApp.template(api);

  it('4xx share above its threshold for three periods, counted with enough traffic only', () => {
    apiTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: API_HEALTH_ALARMS.clientErrorPercent,
      EvaluationPeriods: 3,
      Metrics: Match.arrayWith([
        Match.objectLike({
          Expression: `IF(requests >= ${API_HEALTH_ALARMS.minRequests}, 100 * errors4xx / requests, 0)`,
        }),
      ]),
      AlarmActions: [Match.objectLike({ 'Fn::ImportValue': Match.anyValue() })],
    });
  });

  it('p95 latency above its threshold for three periods', () => {
    apiTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Latency',
      ExtendedStatistic: 'p95',
      Threshold: API_HEALTH_ALARMS.latencyP95Ms,
      EvaluationPeriods: 3,
      AlarmActions: [Match.objectLike({ 'Fn::ImportValue': Match.anyValue() })],
    });
  });
});
