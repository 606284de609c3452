/** Powertools logger and metrics as every handler creates them (no tracer since issue 14 §2). */
import { logger, metrics } from '../../shared/platform/observability';

export const observability = { logger, metrics };
