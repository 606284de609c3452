/**
 * What a route's contract holds: the schemas of its request parts and its documented responses.
 * Types only: a contract module imports the schema building blocks it uses and nothing else.
 * `ZodMiniType` is the structural type with `parse`/`safeParse`: zod/mini schemas and classic ones
 * both fit it, so callers validate with either flavour (issue 14 §2).
 */
import type * as z from 'zod/mini';

export interface RouteContract {
  /** The route's id in shared/api/route-meta.ts, which holds everything else about it. */
  id: string;
  request?: { params?: z.ZodMiniType; query?: z.ZodMiniType; body?: z.ZodMiniType };
  /** `mediaType` when the body is not JSON (problem+json from 400 up, JSON below, by default). */
  responses: Record<number, { description: string; schema?: z.ZodMiniType; mediaType?: string }>;
}
