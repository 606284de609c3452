/**
 * The catalog routes' schemas: inputs, lists, queries and paths. The stored shapes they build on
 * (agency, procedure, tenant settings) are in catalog-model.ts, which the data layer reads without
 * building these (issue 14 §1); everything is re-exported here for the routes and tools.
 */
import * as z from 'zod/mini';
import { agencyCode, procedureCode, singleLine, tenantId } from './common';
import { agency, procedure, tenantSettings } from './catalog-model';
import { nextCursor, pageQuery } from './page';

export * from './catalog-model';

export const agencyInput = z.omit(agency, { code: true });
export const agencyList = z.object({ items: z.array(agency), nextCursor });
export const agencyListQuery = z.strictObject(pageQuery('agencies', agencyCode));

export const procedureList = z.object({
  items: z.array(procedure),
  /** How many procedures match, over all pages. */
  count: z.number().check(z.int()),
  nextCursor,
});
/** Strict: a misspelt filter is refused, not silently ignored. */
export const procedureQuery = z.strictObject({
  field: z.optional(singleLine(200)),
  q: z.optional(singleLine(200)),
  ...pageQuery('procedures', procedureCode),
});

export const tenantView = z.extend(tenantSettings, { id: z.string() });

export const tenantPath = z.object({ tenant: tenantId });
export const procedurePath = z.object({ tenant: tenantId, code: procedureCode });
export const codePath = z.object({ code: procedureCode });
export const agencyPath = z.object({ code: agencyCode });
