/** Powertools logger, metrics and tracer as every handler creates them (the tracer brings X-Ray's SDK). */
import { logger, metrics, tracer } from '../../shared/platform/observability';

export const observability = { logger, metrics, tracer };
