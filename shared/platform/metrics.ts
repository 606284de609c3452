/**
 * The Powertools Metrics instance of the HTTP chain (shared/platform/http.ts flushes it) and of the
 * use cases that record business metrics. A module of its own, re-exported by observability.ts:
 * `@aws-lambda-powertools/metrics` has top-level code esbuild must keep (its `Metrics` class
 * extends commons' `Utility`), so beside the logger it was bundled into every function that logs,
 * 13 KB even where nothing records a metric. Here, with the project's `"sideEffects": false`, a
 * function that imports only `logger` leaves this module, and the package, out of its bundle.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { metricsNamespace, serviceName } from './service-name';

export const metrics = new Metrics({ serviceName: serviceName(), namespace: metricsNamespace() });
