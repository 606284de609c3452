/**
 * The service and namespace every log line and metric carries: the function's Powertools
 * environment (CDK sets POWERTOOLS_SERVICE_NAME per function), else the application's own names
 * (shared/api/app-metrics.ts, which the alarms read). Read when asked, so a test that sets the
 * environment sees it. Apart from the logger and Metrics modules, which both need it and of which a
 * function may bundle only the first.
 */
import { APP_NAMESPACE, APP_SERVICE } from '../api/app-metrics';

export const serviceName = (): string => process.env.POWERTOOLS_SERVICE_NAME || APP_SERVICE;

export const metricsNamespace = (): string => process.env.POWERTOOLS_METRICS_NAMESPACE || APP_NAMESPACE;
