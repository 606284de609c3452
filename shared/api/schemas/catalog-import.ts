/**
 * The catalog import's HTTP contract: lines of a file, already split into cells by heading (the
 * CLI reads XLSX/CSV with shared/domain/catalog/import-layout.ts), which the server parses and
 * checks itself, line by line (shared/domain/catalog/import-rows.ts).
 */
import * as z from 'zod/mini';
import { AGENCY_COLUMNS, PROCEDURE_COLUMNS } from '../../domain/catalog/import-layout';
import { isoDate, multiLine } from './common';

/** Rows per call: a call reads the tenant's catalog once and writes at most this many items (well inside 10 s). */
export const MAX_PROCEDURE_ROWS = 200;
/**
 * Agencies come in one call (a province has a few hundred), so a parent named later in the file,
 * or a line's parent rejected, is judged against the whole tree, in a dry run too.
 */
export const MAX_AGENCY_ROWS = 1000;
/** One cell: "Thành phần hồ sơ" is the long one (50 documents of a line each). */
const MAX_CELL = 5000;

/** A strict object of optional text cells, one per column key: a misspelt key is refused. Cells may span lines (documents). */
const cellsOf = (keys: readonly string[]) =>
  z.strictObject(
    Object.fromEntries(keys.map((k) => [k, z.optional(multiLine(MAX_CELL))])) as Record<
      string,
      z.ZodMiniOptional<ReturnType<typeof multiLine>>
    >,
  );

const line = z
  .number()
  .check(z.int(), z.gte(1), z.lte(1_048_576), z.describe('Số dòng trong tệp / the line number in the file'));

const common = {
  dryRun: z
    ._default(z.boolean(), false)
    .check(z.describe('Chỉ kiểm tra, không ghi / check only, write nothing')),
};

export const catalogImportRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('procedures'),
    ...common,
    effectiveFrom: z
      .optional(isoDate)
      .check(
        z.describe(
          'Ngày hiệu lực (giờ Việt Nam) cho các dòng không ghi ngày; không ghi: ngay bây giờ / effective date (Asia/Ho_Chi_Minh) for lines without their own; absent: now',
        ),
      ),
    rows: z
      .array(z.strictObject({ line, cells: cellsOf(PROCEDURE_COLUMNS.map((c) => c.key)) }))
      .check(z.minLength(1), z.maxLength(MAX_PROCEDURE_ROWS)),
  }),
  z.strictObject({
    kind: z.literal('agencies'),
    ...common,
    rows: z
      .array(z.strictObject({ line, cells: cellsOf(AGENCY_COLUMNS.map((c) => c.key)) }))
      .check(z.minLength(1), z.maxLength(MAX_AGENCY_ROWS)),
  }),
]);
export type CatalogImportRequest = z.infer<typeof catalogImportRequest>;

export const importOutcome = z.enum(['created', 'updated', 'unchanged', 'rejected']);

export const catalogImportResult = z.object({
  kind: z.enum(['agencies', 'procedures']),
  dryRun: z.boolean(),
  summary: z.object({
    created: z.number().check(z.int()),
    updated: z.number().check(z.int()),
    unchanged: z.number().check(z.int()),
    rejected: z.number().check(z.int()),
  }),
  rows: z.array(
    z.object({
      line: z.number().check(z.int()),
      code: z.optional(z.string()),
      outcome: importOutcome,
      /** When the line's version applies (UTC ISO), for written procedure lines. */
      effectiveFrom: z.optional(z.string()),
      reasons: z.optional(z.array(z.string())),
    }),
  ),
});
export type CatalogImportResult = z.infer<typeof catalogImportResult>;
