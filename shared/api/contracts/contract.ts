/**
 * What a route's contract holds: the schemas of its request parts and its documented responses.
 * Types only: a contract module imports the schema building blocks it uses and nothing else.
 */
import type { z } from 'zod';

export interface RouteContract {
  /** The route's id in shared/api/route-meta.ts, which holds everything else about it. */
  id: string;
  request?: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  /** `mediaType` when the body is not JSON (problem+json from 400 up, JSON below, by default). */
  responses: Record<number, { description: string; schema?: z.ZodType; mediaType?: string }>;
}
