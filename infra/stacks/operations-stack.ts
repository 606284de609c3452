/**
 * The stage's operations dashboard (infra/constructs/operations-dashboard.ts). Its own stack, built
 * last, because it reads from every other one: the API's functions and access logs, the workflow
 * stack's clock and queues, the monitoring stack's alarms. CDK turns those reads into exports and
 * imports; so a route removed from routes.ts must leave this stack first (docs/deploy.md,
 * "Operations": `cdk deploy <prefix>-Operations --exclusively`, then `--all`).
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { ROUTES } from '../../shared/api/routes';
import { OperationsDashboard } from '../constructs/operations-dashboard';
import type { StageConfig } from '../stage';
import type { ApiStack } from './api-stack';
import { OVERDUE_ALARM, WEBHOOK_FAILED_ALARM, type MonitoringStack } from './monitoring-stack';
import type { WorkflowStack } from './workflow-stack';

export interface OperationsStackProps extends StackProps {
  readonly config: StageConfig;
  readonly api: ApiStack;
  readonly workflow: WorkflowStack;
  readonly monitoring: MonitoringStack;
}

export class OperationsStack extends Stack {
  public readonly dashboard: OperationsDashboard;

  constructor(scope: Construct, id: string, props: OperationsStackProps) {
    super(scope, id, props);
    const { api, workflow, monitoring } = props;
    const deadLetterQueues = Object.fromEntries(
      Object.entries(workflow.eventBus.deadLetterQueues).map(([queue, q]) => [queue, q]),
    );
    for (const [id, consumer] of Object.entries(workflow.streamConsumers))
      if (consumer) deadLetterQueues[`${id} (stream)`] = consumer.deadLetterQueue;
    const alarms: IAlarm[] = [
      monitoring.overdueAlarm,
      monitoring.webhookFailedAlarm,
      monitoring.webhookDeadLetteredAlarm,
    ];

    this.dashboard = new OperationsDashboard(this, 'Operations', {
      dashboardName: `${props.config.prefix}-operations`,
      api: api.api,
      accessLogs: api.stage.accessLogs,
      routes: ROUTES.map((route) => ({ route, fn: api.functions[route.id] })),
      otherFunctions: Object.fromEntries(
        Object.entries(workflow.functions).map(([id, f]) => [id, f.function]),
      ),
      stateMachine: workflow.stateMachine,
      deadLetterQueues,
      alarms,
      overdueThreshold: OVERDUE_ALARM.threshold,
      webhookFailedThreshold: WEBHOOK_FAILED_ALARM.threshold,
    });
  }
}
