/**
 * Limits more than one schema module checks. Their own module, free of schemas, so that reading one
 * (lifecycle.ts) does not build another module's schemas (issue 14 §1: catalog.ts builds the
 * whole catalog, tenant settings and service index).
 */

/** Steps a procedure may have (catalog.ts); a dossier's action names a step below it (lifecycle.ts). */
export const MAX_PROCEDURE_STEPS = 30;
