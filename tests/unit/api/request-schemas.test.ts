/**
 * Every input of every route has a bound: a test over the route table, so a route or a field added
 * later without one fails here rather than as a 500 in production.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { ROUTES, type RouteDef } from '../../../shared/api/routes';
import {
  API_YEARS,
  calendarDateTime,
  dossierCode,
  idempotencyKey,
  isoDate,
  multiLine,
  singleLine,
} from '../../../shared/api/schemas/common';
import { MAX_LUNAR_YEAR, MIN_LUNAR_YEAR } from '../../../shared/domain/calendar';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../shared/platform/idempotency';

type JsonSchema = Record<string, unknown>;

/** Each node of a JSON Schema with where it is, e.g. `body.oneOf.8.properties.reason`. */
function nodes(schema: unknown, path: string, out: Array<[string, JsonSchema]> = []) {
  if (schema && typeof schema === 'object') {
    if (!Array.isArray(schema)) out.push([path, schema as JsonSchema]);
    for (const [k, v] of Object.entries(schema)) nodes(v, `${path}.${k}`, out);
  }
  return out;
}

const hasPattern = (n: JsonSchema) =>
  typeof n.pattern === 'string' || (Array.isArray(n.allOf) && n.allOf.some((p) => 'pattern' in p));

/** What is wrong with one node, if anything. */
function unbounded(n: JsonSchema): string | undefined {
  if ('enum' in n || 'const' in n) return undefined;
  if (n.type === 'string') {
    if (typeof n.maxLength !== 'number') return 'string without maxLength';
    if (!hasPattern(n)) return 'string without a pattern (use singleLine / multiLine or a code)';
  }
  const isNumber = n.type === 'number' || n.type === 'integer';
  const has = (k: string) =>
    typeof n[k] === 'number' || typeof n[`exclusive${k[0]?.toUpperCase()}${k.slice(1)}`] === 'number';
  if (isNumber && !(has('minimum') && has('maximum'))) return 'number without minimum and maximum';
  if (n.type === 'array' && !('prefixItems' in n) && typeof n.maxItems !== 'number')
    return 'array without maxItems';
  return undefined;
}

const inputs = (ROUTES as readonly RouteDef[]).flatMap((route) =>
  (['params', 'query', 'body'] as const).flatMap((part) => {
    const schema = route.request?.[part];
    return schema ? [{ id: route.id, part, schema }] : [];
  }),
);

describe('api/schemas', () => {
  describe('the route table', () => {
    it.each(inputs)('$id: every string, number and array in $part is bounded', ({ part, schema }) => {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
      const problems = nodes(json, part).flatMap(([path, n]) => {
        const why = unbounded(n);
        return why ? [`${path}: ${why}`] : [];
      });
      expect(problems).toEqual([]);
    });

    it.each(inputs.filter((i) => i.part === 'query'))(
      '$id: a query parameter the route does not know is refused',
      ({ schema }) => {
        expect(schema.safeParse({ nosuchfilter: 'x' }).success).toBe(false);
      },
    );
  });

  describe('common', () => {
    const brokenText = fc
      .tuple(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('\ud800', '\udfff', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085'),
        fc.string({ maxLength: 20 }),
      )
      .map(([a, bad, b]) => a + bad + b);

    it('singleLine and multiLine refuse a lone surrogate or a control character anywhere', () => {
      fc.assert(
        fc.property(brokenText, (text) => {
          expect(singleLine(100).safeParse(text).success).toBe(false);
          expect(multiLine(100).safeParse(text).success).toBe(false);
        }),
      );
    });

    it('they keep Vietnamese, emoji (surrogate pairs) and, for multiLine, line breaks', () => {
      expect(singleLine(100).parse('  Nguyễn Thị Ánh 😀 𠀀 ')).toBe('Nguyễn Thị Ánh 😀 𠀀');
      expect(multiLine(100).parse('dòng 1\r\ndòng 2\tcó tab')).toBe('dòng 1\r\ndòng 2\tcó tab');
      expect(singleLine(100).safeParse('dòng 1\ndòng 2').success).toBe(false);
      expect(singleLine(3).safeParse('abcd').success).toBe(false);
    });

    it('a dossier code is bounded: a 2,000-digit sequence is refused', () => {
      expect(dossierCode.safeParse('000.30.01.H99-261125-0001').success).toBe(true);
      expect(dossierCode.safeParse(`000.30.01.H99-261125-${'1'.repeat(2000)}`).success).toBe(false);
    });

    it('dates lie in the years the API states, which lie inside the calendar’s range with a year to spare', () => {
      expect(MIN_LUNAR_YEAR).toBeLessThan(API_YEARS.min);
      expect(MAX_LUNAR_YEAR).toBeGreaterThan(API_YEARS.max);
      for (let year = 1500; year <= 3000; year += 1) {
        const inRange = year >= API_YEARS.min && year <= API_YEARS.max;
        expect([year, isoDate.safeParse(`${year}-06-15`).success]).toEqual([year, inRange]);
        expect([year, calendarDateTime.safeParse(`${year}-06-15T09:00:00+07:00`).success]).toEqual([
          year,
          inRange,
        ]);
      }
    });

    it('a date must exist and an instant must carry its offset', () => {
      expect(isoDate.safeParse('2028-02-29').success).toBe(true);
      expect(isoDate.safeParse('2026-02-30').success).toBe(false);
      expect(calendarDateTime.safeParse('2027-02-15T17:00:00').success).toBe(false);
      expect(calendarDateTime.safeParse('2999-01-04T09:00:00+07:00').success).toBe(false);
    });

    it('Idempotency-Key has the pattern the idempotency layer states', () => {
      const json = z.toJSONSchema(idempotencyKey) as JsonSchema;
      expect(json.pattern).toBe(IDEMPOTENCY_KEY_PATTERN.source);
    });
  });
});
