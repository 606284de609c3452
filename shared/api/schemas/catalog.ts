/**
 * The catalog routes' schemas: inputs, lists, queries and paths. The stored shapes they build on
 * (agency, procedure, tenant settings) are in catalog-model.ts, which the data layer reads without
 * building these (issue 14 §1); everything is re-exported here for the routes and tools.
 */
import * as z from 'zod';
import { agencyCode, procedureCode, singleLine, tenantId } from './common';
import { agency, procedure, tenantSettings } from './catalog-model';
import { nextCursor, pageQuery } from './page';

export * from './catalog-model';

export const agencyInput = agency.omit({ code: true });
export const agencyList = z.object({ items: z.array(agency), nextCursor });
export const agencyListQuery = z.object(pageQuery('agencies', agencyCode)).strict();

export const procedureList = z.object({
  items: z.array(procedure),
  /** How many procedures match, over all pages. */
  count: z.number().int(),
  nextCursor,
});
/** Strict: a misspelt filter is refused, not silently ignored. */
export const procedureQuery = z
  .object({
    field: singleLine(200).optional(),
    q: singleLine(200).optional(),
    ...pageQuery('procedures', procedureCode),
  })
  .strict();

export const tenantView = tenantSettings.extend({ id: z.string() });

export const tenantPath = z.object({ tenant: tenantId });
export const procedurePath = z.object({ tenant: tenantId, code: procedureCode });
export const codePath = z.object({ code: procedureCode });
export const agencyPath = z.object({ code: agencyCode });
