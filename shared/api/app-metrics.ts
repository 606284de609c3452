/**
 * The application's own CloudWatch metrics that alarms and the operations dashboard watch
 * (infra/stacks/monitoring-stack.ts, infra/constructs/operations-dashboard.ts). The functions write
 * them as Embedded Metric Format log lines (shared/platform/tenant-metrics.ts); CDK reads the same
 * names from here, so a renamed metric cannot leave an alarm watching nothing.
 */
/** Apart from APP_METRICS so a logger that needs only the names does not bundle the whole table. */
export const APP_NAMESPACE = 'MotCua';
export const APP_SERVICE = 'mot-cua';

export const APP_METRICS = {
  namespace: APP_NAMESPACE,
  service: APP_SERVICE,
  /** The dimension holding the tenant (province) id; every count below carries it. */
  tenantDimension: 'Tenant',
  /** The dimension every application metric has (Powertools' name): the platform-wide series. */
  serviceDimension: 'service',
  names: {
    /** A dossier passed its appointment unresolved (the deadline clock fired `dossier.overdue`). */
    dossiersOverdue: 'DossiersOverdue',
    /** A processing step passed its due time (`step.overdue`). */
    stepsOverdue: 'StepsOverdue',
    /** A webhook attempt failed and will be retried (the subscriber's endpoint refused or timed out). */
    webhookDeliveryFailed: 'WebhookDeliveryFailed',
    /** A webhook delivery retried for three days and given up. */
    webhookDeadLettered: 'WebhookDeadLettered',
  },
} as const;

export type AppMetricName = (typeof APP_METRICS.names)[keyof typeof APP_METRICS.names];
