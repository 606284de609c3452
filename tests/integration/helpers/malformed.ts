/**
 * Malformed inputs for the fuzz test over the route table: path segments, query strings, headers
 * and bodies that every route must refuse (or ignore) without a 5xx. Every body here is invalid
 * for any schema the API has, so no case can write to the shared cloud's data.
 */
import fc from 'fast-check';
import type * as z from 'zod/mini';

/** One request a case sends, relative to the route's valid path. */
export interface Malformed {
  /** What was broken, for the failure report. */
  what: string;
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The route must refuse it (4xx), not merely survive it. */
  refused: boolean;
  /** A 400 must name this field among its errors. */
  field?: string;
}

/** A lone surrogate cannot be UTF-8; its CESU-8 bytes are what a client could send. */
const ENCODED_SURROGATE = '%ED%A0%80';

/** Path segments that no parameter pattern accepts, percent-encoded as sent on the wire. */
export function badSegments(valid: string): Array<[string, string]> {
  return [
    ['oversize (3,000 more digits, past the emulator’s key limit too)', `${valid}${'1'.repeat(3000)}`],
    ['huge (6,000 characters)', 'A'.repeat(6000)],
    ['NUL appended', `${valid}%00`],
    ['encoded lone surrogate', `${valid}${ENCODED_SURROGATE}`],
    ['path traversal', `..%2F..%2F..%2Fetc%2Fpasswd`],
    ['line break and escape', `${valid}%0A%1B`],
    ['Vietnamese text', encodeURIComponent('Hồ sơ đất đai')],
    ['near miss (lower case, extra dot)', `${valid.toLowerCase()}.`],
  ];
}

/** Random segments: any code points, encoded; each differs from every valid code. */
export const randomSegment = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 300 })
  .map((s) => `~${encodeURIComponent(s)}`);

/**
 * Query strings for a route with a query schema: an unknown name and, for each known one, values
 * that must be refused (too long, NUL) or merely survived (bytes that decode to U+FFFD, a
 * right-to-left override: valid text for a free-text filter, refused by a code or an enum).
 */
export function badQueries(schema: z.core.$ZodType | undefined): Array<[string, string, boolean]> {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  const cases: Array<[string, string, boolean]> = [['unknown parameter', 'nosuchfilter=1', true]];
  for (const name of Object.keys(shape)) {
    cases.push(
      [`${name} oversize`, `${name}=${'9'.repeat(5000)}`, true],
      [`${name} NUL`, `${name}=a%00b`, true],
      [`${name} invalid UTF-8 (a lone surrogate's bytes)`, `${name}=a${ENCODED_SURROGATE}`, false],
      [`${name} unexpected value`, `${name}=%E2%80%AEnope`, false],
      [`${name} repeated`, `${name}=a&${name}=b`, false],
    );
  }
  return cases;
}

/** Headers every route must survive; the Idempotency-Key ones must be refused where it is honoured. */
export function badHeaders(idempotent: boolean): Array<[string, Record<string, string>, boolean]> {
  return [
    ['Idempotency-Key too short', { 'idempotency-key': 'short' }, idempotent],
    ['Idempotency-Key too long', { 'idempotency-key': 'k'.repeat(200) }, idempotent],
    ['Idempotency-Key with spaces and Latin-1', { 'idempotency-key': 'khóa có dâu cách' }, idempotent],
    ['huge header within HTTP limits (12 kB)', { 'x-filler': 'a'.repeat(12_000) }, false],
    ['junk Accept and Accept-Language', { accept: '*/*;q=x', 'accept-language': 'vi;q=abc' }, false],
  ];
}

const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/** Bodies no schema accepts: shape, syntax, size and depth. */
export function badBodies(maxBodyBytes: number): Array<[string, string, Record<string, string>]> {
  const json = { 'content-type': 'application/json' };
  return [
    ['array nested 5,000 deep', deepArray(5000), json],
    ['object nested 5,000 deep', deepObject(5000), json],
    ['over the size limit', JSON.stringify({ x: 'a'.repeat(maxBodyBytes) }), json],
    ['truncated JSON', '{"a":', json],
    ['JSON with a trailing comma', '{"a":1,}', json],
    ['NUL byte outside strings', '{"a":\u00001}', json],
    ['not JSON at all', 'a=b&c=d', json],
    ['empty object', '{}', json],
    ['null', 'null', json],
    ['array', '[]', json],
    ['number', '42', json],
    ['string', '"text"', json],
    ['lone surrogate in a key', '{"k\\ud800":1}', json],
    ['valid JSON sent as text/plain', '{}', { 'content-type': 'text/plain' }],
    ['valid JSON sent as XML', '{}', { 'content-type': 'application/xml' }],
    ['multipart', '--x\r\n\r\n{}\r\n--x--', { 'content-type': 'multipart/form-data; boundary=x' }],
  ];
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Each leaf of a JSON value (string, number, boolean), as a path of keys and indexes. */
export function leaves(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function setAt(value: Json, path: Array<string | number>, leaf: Json): Json {
  if (path.length === 0) return leaf;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, Json>;
  cursor[path[path.length - 1] as string | number] = leaf;
  return copy as Json;
}

/**
 * What replaces one leaf of a valid body. Each is invalid wherever it lands: longer than any
 * maxLength, outside any number's range, the wrong type, broken text, a date no calendar counts.
 */
const brokenStrings: Json[] = [
  'a\ud800.pdf',
  '\udfff',
  'nul\u0000',
  'bell\u0007',
  'x'.repeat(10_000),
  42,
  true,
  [],
];
/** A far date only where a date was: in a name it would be valid text. */
const stringLeaf = (valid: string) =>
  /^\d{4}-\d{2}-\d{2}/.test(valid)
    ? fc.constantFrom<Json>(...brokenStrings, `2999${valid.slice(4)}`, `0001${valid.slice(4)}`)
    : fc.constantFrom<Json>(...brokenStrings);
const numberLeaf = fc.constantFrom<Json>(1e308, -1e308, '1', true, {}, 'a\ud800');
const booleanLeaf = fc.constantFrom<Json>('true', 1, 'a\ud800');

/** A valid body with the leaf at `path` broken, by a replacement that suits what was there. */
export function brokenLeafAt(sample: Json, path: Array<string | number>): fc.Arbitrary<Json> {
  let at: Json = sample;
  for (const key of path) at = (at as Record<string | number, Json>)[key] as Json;
  const replacement =
    typeof at === 'number' ? numberLeaf : typeof at === 'boolean' ? booleanLeaf : stringLeaf(String(at));
  return replacement.map((leaf) => setAt(sample, path, leaf));
}

/** Arbitrary JSON whose strings are laced with broken text and far dates. */
export const nastyJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('\ud800', 'a\udc00b', '\u0000', '2999-12-31', '9999-01-01T00:00:00Z', 'Đ'.repeat(5000)),
    ),
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(1e308)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('action', 'outcome', 'k\ud800')),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;
