/**
 * The catalog import's HTTP contract: lines of a file, already split into cells by heading (the
 * CLI reads XLSX/CSV with shared/domain/catalog/import-layout.ts), which the server parses and
 * checks itself, line by line (shared/domain/catalog/import-rows.ts).
 */
import * as z from 'zod';
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
  z
    .object(
      Object.fromEntries(keys.map((k) => [k, multiLine(MAX_CELL).optional()])) as Record<
        string,
        z.ZodOptional<ReturnType<typeof multiLine>>
      >,
    )
    .strict();

const line = z
  .number()
  .int()
  .min(1)
  .max(1_048_576)
  .describe('Số dòng trong tệp / the line number in the file');

const common = {
  dryRun: z.boolean().default(false).describe('Chỉ kiểm tra, không ghi / check only, write nothing'),
};

export const catalogImportRequest = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('procedures'),
      ...common,
      effectiveFrom: isoDate
        .optional()
        .describe(
          'Ngày hiệu lực (giờ Việt Nam) cho các dòng không ghi ngày; không ghi: ngay bây giờ / effective date (Asia/Ho_Chi_Minh) for lines without their own; absent: now',
        ),
      rows: z
        .array(z.object({ line, cells: cellsOf(PROCEDURE_COLUMNS.map((c) => c.key)) }).strict())
        .min(1)
        .max(MAX_PROCEDURE_ROWS),
    })
    .strict(),
  z
    .object({
      kind: z.literal('agencies'),
      ...common,
      rows: z
        .array(z.object({ line, cells: cellsOf(AGENCY_COLUMNS.map((c) => c.key)) }).strict())
        .min(1)
        .max(MAX_AGENCY_ROWS),
    })
    .strict(),
]);
export type CatalogImportRequest = z.infer<typeof catalogImportRequest>;

export const importOutcome = z.enum(['created', 'updated', 'unchanged', 'rejected']);

export const catalogImportResult = z.object({
  kind: z.enum(['agencies', 'procedures']),
  dryRun: z.boolean(),
  summary: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  rows: z.array(
    z.object({
      line: z.number().int(),
      code: z.string().optional(),
      outcome: importOutcome,
      /** When the line's version applies (UTC ISO), for written procedure lines. */
      effectiveFrom: z.string().optional(),
      reasons: z.array(z.string()).optional(),
    }),
  ),
});
export type CatalogImportResult = z.infer<typeof catalogImportResult>;
