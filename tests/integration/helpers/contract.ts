/**
 * The documented contract, checked on every answer the integration tests get: the request is
 * matched to its route the way API Gateway does (infra/local/route-match.ts), the status must be
 * one the route documents (shared/api/openapi.ts `documentedResponses`), and the body must parse,
 * strictly, with the schema documented for its status and media type. A mismatch throws, so the
 * test that made the request fails with a readable report.
 */
import type { z } from 'zod';
import { documentedResponses } from '../../../shared/api/openapi';
import { ROUTES, type RouteDef } from '../../../shared/api/routes';
import { createRouteMatcher } from '../../../infra/local/route-match';
import { deepStrict } from './strict';

const matcher = createRouteMatcher(ROUTES as readonly RouteDef[]);
const strictSchemas = new Map<z.ZodType, z.ZodType>();
const strict = (schema: z.ZodType): z.ZodType => {
  let done = strictSchemas.get(schema);
  if (!done) strictSchemas.set(schema, (done = deepStrict(schema)));
  return done;
};

export interface Exchange {
  method: string;
  /** Path and query as sent, e.g. `/v1/dossiers?x=1`. */
  path: string;
  status: number;
  contentType: string;
  body: unknown;
}

export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

/**
 * Paths that are not the API: the offline cloud's own controls (`/_local/*`: clock, tokens,
 * health) exist only offline and are not in the route table.
 */
const exempt = (method: string, path: string) =>
  path.startsWith('/_local/') || path === '/_local' || method.toUpperCase() === 'OPTIONS';

/** Problems with `exchange` against the route table's documentation; empty when it conforms. */
export function contractProblems(exchange: Exchange): string[] {
  const { method, status, body } = exchange;
  const path = exchange.path.split('?')[0] ?? '';
  if (exempt(method, path)) return [];
  const match = matcher.match(method, path);
  if (!match) return [`no route matches ${method} ${path}`];
  const route = match.route;
  const responses = documentedResponses(route);
  const documented = responses[status];
  if (!documented) {
    return [
      `${route.id} does not document status ${status} (documented: ${Object.keys(responses).join(', ')})`,
    ];
  }
  const mediaType = exchange.contentType.split(';')[0]!.trim().toLowerCase();
  const types = Object.keys(documented.content);
  if (types.length === 0) return [];
  const schema = documented.content[mediaType];
  if (!schema)
    return [`${route.id} ${status}: media type "${mediaType}" is not documented (${types.join(', ')})`];
  const parsed = strict(schema as unknown as z.ZodType).safeParse(body);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const at = ['body', ...issue.path.map(String)].join('.');
    const keys = 'keys' in issue ? ` ${JSON.stringify(issue.keys)}` : '';
    return `${route.id} ${status} ${mediaType}: ${at}: ${issue.message}${keys}`;
  });
}

/** Throws a ContractViolation naming every problem and showing the body. */
export function assertContract(exchange: Exchange): void {
  const problems = contractProblems(exchange);
  if (problems.length === 0) return;
  const shown = JSON.stringify(exchange.body, null, 2) ?? 'undefined';
  throw new ContractViolation(
    `${exchange.method} ${exchange.path} → ${exchange.status} breaks the documented contract:\n` +
      problems.map((p) => `  - ${p}`).join('\n') +
      `\nbody:\n${shown.length > 4000 ? `${shown.slice(0, 4000)}\n…` : shown}`,
  );
}
