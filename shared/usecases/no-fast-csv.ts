/**
 * Stands in for `fast-csv` in every Lambda bundle (the esbuild alias in
 * infra/constructs/api-function.ts `FUNCTION_BUNDLING`): exceljs's Workbook module requires its CSV
 * reader/writer (lib/csv/csv.js) at load, and that calls `fastCsv.parse` and `fastCsv.format` only
 * inside `workbook.csv.read/write…`; the export writes `workbook.xlsx` only (report-export.ts), and
 * nothing else in the project imports fast-csv. ~57 KB of exportReport's bundle with the lodash
 * helpers fast-csv brings. tests/unit/reports/bundled-workbook.test.ts writes a workbook from the
 * aliased bundle. If CSV through exceljs is ever wanted, drop the alias.
 */
const unavailable = (): never => {
  throw new Error(
    'fast-csv is aliased out of the Lambda bundles (FUNCTION_BUNDLING in infra/constructs/api-function.ts): ' +
      'exceljs was asked to read or write CSV, but the exports write .xlsx only',
  );
};

export const parse = unavailable;
export const format = unavailable;
