/**
 * Bounded building blocks for every request schema. Each input the API takes — path parameter,
 * query value, header, body field — has a length, a pattern or a range from here, so nothing
 * unbounded or unstorable reaches a use case, a DynamoDB key or the calendar, and the OpenAPI
 * document (generated from these schemas) states the bound as maxLength / pattern.
 */
import * as z from 'zod/mini';
import { DOSSIER_CODE_PATTERN, MAX_DOSSIER_CODE_LENGTH } from '../../domain/dossier/code';
import { SORTABLE_ID_PATTERN } from '../../domain/ids';

// Every `max` aborts: a string over its length is refused as too long, and no pattern (with its
// Unicode classes) runs over the rest of a megabyte.

// ---------------------------------------------------------------------------------------------
// Text a person typed

/**
 * No control characters and no lone UTF-16 surrogates. A lone surrogate is valid in a JS string
 * and in JSON (`"\ud800"`) but has no UTF-8 form, so DynamoDB, S3 keys and HTTP headers cannot
 * carry it; NUL and other controls break keys, logs and printed forms. With the `u` flag a valid
 * surrogate pair is one code point (not Cs), so emoji and rare Hán-Nôm characters still pass.
 */
export const SINGLE_LINE_PATTERN = /^[^\p{Cc}\p{Cs}]*$/u;
/** The same, but tab and line breaks are allowed: reasons and notes may span lines. */
export const MULTI_LINE_PATTERN = /^(?:[\t\n\r]|[^\p{Cc}\p{Cs}])*$/u;
export const INVALID_TEXT_MESSAGE =
  'chứa ký tự điều khiển hoặc ký tự hỏng / contains control characters or a lone surrogate';

/** One line of text (a name, an address), trimmed, at most `max` characters. */
export const singleLine = (max: number) =>
  z
    .string()
    .check(z.trim(), z.maxLength(max, { abort: true }), z.regex(SINGLE_LINE_PATTERN, INVALID_TEXT_MESSAGE));

/** Free text that may span lines (a reason, a note), trimmed, at most `max` characters. */
export const multiLine = (max: number) =>
  z
    .string()
    .check(z.trim(), z.maxLength(max, { abort: true }), z.regex(MULTI_LINE_PATTERN, INVALID_TEXT_MESSAGE));

// ---------------------------------------------------------------------------------------------
// Codes and ids. Each is short, ASCII and anchored, so none can grow a DynamoDB key (partition
// key ≤ 2048 bytes, sort key ≤ 1024) or an S3 object key past its limit. The maxLength repeats
// what the pattern implies, for the OpenAPI document and for clients that check lengths first.

/** QCVN 102:2016 agency code, e.g. `000.00.01.H99`. */
export const agencyCode = z
  .string()
  .check(
    z.maxLength(13, { abort: true }),
    z.regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'mã cơ quan dạng NNN.NN.NN.Hxx / agency code NNN.NN.NN.Hxx'),
  );

/** National procedure code with an optional provincial suffix, e.g. `1.001193` or `1.000948.H38`. */
export const procedureCode = z
  .string()
  .check(
    z.maxLength(15, { abort: true }),
    z.regex(/^\d\.\d{6}(\.[A-Z0-9]{2,6})?$/, 'mã thủ tục dạng 1.001193 / procedure code like 1.001193'),
  );

/** `<receiving agency code>-<YYMMDD>-<4 to 8-digit daily sequence>` (shared/domain/dossier/code.ts). */
export const dossierCode = z
  .string()
  .check(
    z.maxLength(MAX_DOSSIER_CODE_LENGTH, { abort: true }),
    z.regex(DOSSIER_CODE_PATTERN, 'mã hồ sơ dạng <mã cơ quan>-YYMMDD-NNNN / dossier code'),
  );

export const tenantId = z
  .string()
  .check(
    z.maxLength(31, { abort: true }),
    z.regex(/^[a-z][a-z0-9-]{1,30}$/, 'mã tỉnh thuê dịch vụ / tenant id'),
  );

/** An attachment id as `newSortableId` makes it: 26 Crockford base-32 characters. */
export const attachmentId = z
  .string()
  .check(
    z.maxLength(26, { abort: true }),
    z.regex(SORTABLE_ID_PATTERN, 'mã tệp 26 ký tự / attachment id of 26 characters'),
  );

/** A login name as the identity provider issues it (e.g. `chuyenvien.datdai`). */
export const username = z
  .string()
  .check(
    z.trim(),
    z.maxLength(128, { abort: true }),
    z.regex(/^[\p{L}\p{N}._@+-]+$/u, 'tên đăng nhập / username'),
  );

/**
 * `Idempotency-Key` header: the same pattern shared/platform/idempotency.ts states (a unit test
 * keeps the two equal). Defined here so the OpenAPI document and the HTTP layer read one schema
 * without loading the idempotency machinery.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
export const idempotencyKey = z
  .string()
  .check(
    z.maxLength(128, { abort: true }),
    z.regex(
      IDEMPOTENCY_KEY_PATTERN,
      '8–128 ký tự A-Z a-z 0-9 . _ : - / 8–128 characters A-Z a-z 0-9 . _ : -',
    ),
  );

// ---------------------------------------------------------------------------------------------
// Dates and times

/**
 * Years a date or instant may fall in. The calendar accepts 1800–2199 but is verified for
 * 1900–2100 (shared/domain/calendar, docs/calendar.md), and deadline arithmetic may step into the
 * next year, so the API takes the verified range: an apology dated 2999 is refused, not a 500.
 * A unit test keeps this inside the calendar's range.
 */
export const API_YEARS = { min: 1900, max: 2100 } as const;
/** `API_YEARS` as a prefix pattern, so the OpenAPI document states the range too. */
const API_YEAR_PREFIX = /^(?:19\d\d|20\d\d|2100)-/;
const yearMessage = `năm trong khoảng ${API_YEARS.min}–${API_YEARS.max} / year within ${API_YEARS.min}–${API_YEARS.max}`;

/** A calendar date `YYYY-MM-DD` that exists (no 30 February), within `API_YEARS`. */
export const isoDate = z.iso
  .date('ngày dạng YYYY-MM-DD / date YYYY-MM-DD')
  .check(z.maxLength(10, { abort: true }), z.regex(API_YEAR_PREFIX, yearMessage));

/** An instant with its UTC offset (`2027-02-15T17:00:00+07:00`), within `API_YEARS`. */
export const calendarDateTime = z.iso
  .datetime({ offset: true, message: 'thời điểm ISO 8601 có múi giờ / ISO 8601 instant with offset' })
  .check(z.maxLength(35, { abort: true }), z.regex(API_YEAR_PREFIX, yearMessage));

export const hhmm = z
  .string()
  .check(
    z.maxLength(5, { abort: true }),
    z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ dạng HH:mm / time HH:mm'),
  );

// ---------------------------------------------------------------------------------------------

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() }))),
  /** On a 409 for a stale `expectedVersion`: the version to reload and decide on. */
  currentVersion: z.optional(z.number().check(z.int())),
  /** On a 429 of the fair-share gate: the `Retry-After` header's seconds, for clients that cannot read it. */
  retryAfter: z.optional(z.number().check(z.int(), z.gte(1))),
});
export type Problem = z.infer<typeof problem>;
