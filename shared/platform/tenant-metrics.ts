/**
 * Per-tenant counts as CloudWatch Embedded Metric Format (EMF) lines: one JSON object on stdout,
 * which CloudWatch Logs turns into metrics without an API call (no PutMetricData, no SDK).
 *
 * Each line declares two dimension sets, `[service]` and `[service, Tenant]`: the first is the
 * platform-wide series the alarms watch (one alarm, whatever the number of provinces), the second
 * the per-province series the dashboard finds with SEARCH. Written by hand rather than with
 * Powertools Metrics because Powertools buffers per invocation with one set of dimensions, while a
 * webhook batch holds several tenants; and because it prints offline too (Powertools metrics are
 * disabled there), so the lines can be seen in `npm start`'s output.
 *
 * Only functions off the HTTP path import this (the deadline check, the webhook deliverer).
 */
import { APP_METRICS, type AppMetricName } from '../api/app-metrics';
import { metricsNamespace, serviceName } from './service-name';

export interface EmfLine {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: 'Count' }[];
    }[];
  };
  [key: string]: unknown;
}

/** The EMF object for `value` occurrences of `name` in `tenant` at `at` (pure: unit-tested). */
export function tenantCountLine(name: AppMetricName, tenant: string, value: number, at: Date): EmfLine {
  const namespace = metricsNamespace();
  const service = serviceName();
  const { serviceDimension, tenantDimension } = APP_METRICS;
  return {
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: [[serviceDimension], [serviceDimension, tenantDimension]],
          Metrics: [{ Name: name, Unit: 'Count' }],
        },
      ],
    },
    [serviceDimension]: service,
    [tenantDimension]: tenant,
    [name]: value,
  };
}

/**
 * Writes the line. `process.stdout.write`, not `console.log`: Lambda's console prefixes each line
 * with a timestamp and request id, and CloudWatch only extracts metrics from a line that is JSON.
 */
export function countForTenant(name: AppMetricName, tenant: string, value = 1, at = new Date()): void {
  if (value <= 0) return;
  process.stdout.write(`${JSON.stringify(tenantCountLine(name, tenant, value, at))}\n`);
}
