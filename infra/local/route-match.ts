/**
 * Route selection as API Gateway HTTP APIs do it: the method must match, `{name}` takes one path
 * segment, `{name+}` takes the rest; when several routes match, the most specific wins (a literal
 * segment beats a parameter, which beats a greedy parameter, compared left to right); anything
 * else goes to `$default`.
 */
import { routeKey, type RouteDef } from '../../shared/api/routes';

export interface RouteMatch {
  route: RouteDef;
  routeKey: string;
  /** URL-decoded; undefined when the route has none, as in API Gateway's event. */
  pathParameters?: Record<string, string>;
}

type Segment =
  { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

interface CompiledRoute {
  route: RouteDef;
  segments: Segment[];
}

const SPECIFICITY = { literal: 0, param: 1, greedy: 2 } as const;

export interface RouteMatcher {
  match(method: string, rawPath: string): RouteMatch | undefined;
}

export function createRouteMatcher(routes: readonly RouteDef[]): RouteMatcher {
  const compiled = routes
    .filter((r) => r.path !== '$default')
    .map((route) => ({ route, segments: compile(route.path) }));
  const fallback = routes.find((r) => r.path === '$default');

  return {
    match(method, rawPath) {
      const segments = splitPath(rawPath);
      let best: { candidate: CompiledRoute; params: Record<string, string> } | undefined;
      for (const candidate of compiled) {
        if (candidate.route.method !== method.toUpperCase()) continue;
        const params = bind(candidate.segments, segments);
        if (params && (!best || moreSpecific(candidate.segments, best.candidate.segments)))
          best = { candidate, params };
      }
      if (best) {
        const hasParams = Object.keys(best.params).length > 0;
        return {
          route: best.candidate.route,
          routeKey: routeKey(best.candidate.route),
          ...(hasParams ? { pathParameters: best.params } : {}),
        };
      }
      return fallback ? { route: fallback, routeKey: '$default' } : undefined;
    },
  };
}

function compile(template: string): Segment[] {
  return splitPath(template).map((part): Segment => {
    const param = /^\{([A-Za-z0-9_.-]+)(\+?)\}$/.exec(part);
    if (!param) return { kind: 'literal', value: part };
    return param[2] === '+'
      ? { kind: 'greedy', name: param[1] as string }
      : { kind: 'param', name: param[1] as string };
  });
}

/** `/a/b` → ['a', 'b']; the leading slash is dropped, a trailing one kept as an empty segment. */
function splitPath(path: string): string[] {
  return path.replace(/^\//, '').split('/');
}

function bind(template: Segment[], raw: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i += 1) {
    const segment = template[i] as Segment;
    if (segment.kind === 'greedy') {
      const rest = raw.slice(i);
      if (rest.length === 0 || rest.join('/') === '') return undefined;
      params[segment.name] = rest.map(decode).join('/');
      return params;
    }
    const part = raw[i];
    if (part === undefined) return undefined;
    const value = decode(part);
    if (segment.kind === 'literal') {
      if (value !== segment.value) return undefined;
    } else {
      if (value === '') return undefined;
      params[segment.name] = value;
    }
  }
  return raw.length === template.length ? params : undefined;
}

function moreSpecific(a: Segment[], b: Segment[]): boolean {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const rankA = a[i] ? SPECIFICITY[(a[i] as Segment).kind] : SPECIFICITY.greedy + 1;
    const rankB = b[i] ? SPECIFICITY[(b[i] as Segment).kind] : SPECIFICITY.greedy + 1;
    if (rankA !== rankB) return rankA < rankB;
  }
  return false;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // A malformed escape stays as sent; the handler's validation answers it.
    return part;
  }
}
