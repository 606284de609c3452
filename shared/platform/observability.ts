/**
 * Powertools logger and metrics: defined once, shared by every handler.
 *
 * No X-Ray SDK here on purpose (issue 14 §2, docs/cold-start.md): the Powertools Tracer wraps
 * aws-xray-sdk-core (with semver and cls-hooked: ~105 KB minified in every bundle), which every
 * cold start loaded to add one subsegment per AWS call. Functions run with Lambda active tracing
 * (Tracing.ACTIVE, infra/constructs/api-function.ts): the service itself records each sampled
 * invocation (initialization, invocation, overhead) with no code in the bundle, and the logger
 * stamps every line with that trace's id (`xray_trace_id`) so a trace leads to its logs.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { serviceName } from './service-name';

export const logger = new Logger({ serviceName: serviceName() });
// In its own module so that only the functions using it bundle Powertools Metrics (./metrics.ts).
export { metrics } from './metrics';
