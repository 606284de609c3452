/**
 * Lambda event filtering (the pattern syntax of event source mappings' FilterCriteria), for the
 * parts the offline consumers need plus the common content filters:
 *
 * - an object pattern matches an object whose fields match, field by field (all must match);
 * - an array pattern lists what a value may be: exact strings, numbers, booleans or null, or
 *   content filters `{prefix}`, `{suffix}`, `{exists}`, `{anything-but}`, `{numeric}`;
 * - when the event's value is an array, one of its elements matching is enough;
 * - several patterns (a FilterCriteria list) match when any one of them does.
 *
 * Anything else in a pattern is refused when the matcher is built: a filter that silently matched
 * nothing offline would hide the bug it should show.
 */
export type FilterPattern = { readonly [key: string]: FilterPattern | readonly unknown[] };
export type EventMatcher = (event: unknown) => boolean;

export function compileFilters(patterns: readonly FilterPattern[]): EventMatcher {
  const matchers = patterns.map((p) => compileObject(p, '$'));
  // No filter at all lets every record through, as a mapping without FilterCriteria does.
  return matchers.length === 0 ? () => true : (event) => matchers.some((m) => m(event));
}

type ValueMatcher = (value: unknown) => boolean;

function compileObject(pattern: FilterPattern, where: string): EventMatcher {
  if (!isPlainObject(pattern)) throw new Error(`filter pattern at ${where} must be an object`);
  const fields = Object.entries(pattern).map(([key, sub]) => {
    const at = `${where}.${key}`;
    if (Array.isArray(sub)) {
      const accept = compileAlternatives(sub, at);
      return (event: unknown) => accept(isPlainObject(event) ? event[key] : undefined);
    }
    const nested = compileObject(sub as FilterPattern, at);
    return (event: unknown) => {
      const value = isPlainObject(event) ? event[key] : undefined;
      return nested(isPlainObject(value) ? value : undefined);
    };
  });
  return (event) => fields.every((f) => f(event));
}

function compileAlternatives(alternatives: readonly unknown[], where: string): ValueMatcher {
  if (alternatives.length === 0) throw new Error(`filter at ${where}: an empty list matches nothing`);
  const tests = alternatives.map((alt) => compileAlternative(alt, where));
  const exists = tests.filter((t) => t.kind === 'exists');
  const values = tests.filter((t) => t.kind === 'value');
  return (value) => {
    if (exists.some((t) => t.test(value))) return true;
    if (value === undefined) return false;
    const candidates = Array.isArray(value) ? value : [value];
    return candidates.some((c) => values.some((t) => t.test(c)));
  };
}

type Alternative = { kind: 'exists' | 'value'; test: ValueMatcher };

function compileAlternative(alt: unknown, where: string): Alternative {
  if (alt === null || ['string', 'number', 'boolean'].includes(typeof alt))
    return { kind: 'value', test: (v) => v === alt };
  if (!isPlainObject(alt) || Object.keys(alt).length !== 1)
    throw new Error(`filter at ${where}: ${JSON.stringify(alt)} is neither a value nor one content filter`);
  const [[operator, operand]] = Object.entries(alt) as [[string, unknown]];
  switch (operator) {
    case 'prefix':
      if (typeof operand !== 'string') break;
      return { kind: 'value', test: (v) => typeof v === 'string' && v.startsWith(operand) };
    case 'suffix':
      if (typeof operand !== 'string') break;
      return { kind: 'value', test: (v) => typeof v === 'string' && v.endsWith(operand) };
    case 'exists':
      if (typeof operand !== 'boolean') break;
      return { kind: 'exists', test: (v) => (v !== undefined) === operand };
    case 'anything-but': {
      const excluded = Array.isArray(operand) ? operand : [operand];
      if (!excluded.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))) break;
      return { kind: 'value', test: (v) => !excluded.includes(v) };
    }
    case 'numeric':
      if (!Array.isArray(operand)) break;
      return { kind: 'value', test: compileNumeric(operand, where) };
  }
  throw new Error(`filter at ${where}: unsupported content filter ${JSON.stringify(alt)}`);
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** `{"numeric": [">", 0, "<=", 5]}`: every comparison must hold. */
function compileNumeric(operand: readonly unknown[], where: string): ValueMatcher {
  const pairs: Array<[(a: number, b: number) => boolean, number]> = [];
  for (let i = 0; i < operand.length; i += 2) {
    const compare = COMPARE[String(operand[i])];
    const bound = operand[i + 1];
    if (!compare || typeof bound !== 'number')
      throw new Error(`filter at ${where}: bad numeric filter ${JSON.stringify(operand)}`);
    pairs.push([compare, bound]);
  }
  return (v) => typeof v === 'number' && pairs.every(([compare, bound]) => compare(v, bound));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
