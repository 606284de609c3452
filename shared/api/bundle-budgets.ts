/**
 * What a function's minified bundle may weigh (issue 14 §3), checked by
 * tests/infra/bundle-budget.test.ts with the esbuild options CDK deploys with. Bytes, unlike times,
 * are the same on every machine, so a budget is exact: a heavy import added to a handler fails the
 * test with the function's name and its largest packages.
 *
 * A budget is written next to its function: `bundle` in the route's metadata
 * (shared/api/route-meta/<id>.ts) or in its function-table entry (shared/api/functions.ts). Without
 * one, the function gets the default, 1.3 × the bare DynamoDB handler (bench/bare-handler.ts,
 * 323 KB): what a function that reads and writes the table may weigh. A function above it names
 * one of the reasons below, its budget the size measured when it was set (in the comment beside
 * it) plus at least 25 KB, rounded up to 25 KB. When a reason goes away, lower or delete the
 * budget: an exception is a debt with a name, not a second default.
 *
 * This module imports nothing: a route's metadata module, which its handler bundles, imports the
 * reason it names from here.
 */

/** KB (1024 bytes) of index.mjs, the minified bundle without its source map. */
export const DEFAULT_BUNDLE_BUDGET_KB = 420;

/** A budget above the default, and why. */
export interface BundleBudget {
  readonly kb: number;
  readonly reason: string;
}

export const ROUTE_REASON =
  'dynamodb-toolbox (40–87 KB: a route that writes carries its update and transaction builders), zod/mini ' +
  "(25–45 KB: the route's own contract and the domain's schemas), Powertools logger and metrics (~35 KB) " +
  "and the route's own code (40–120 KB) over the bare client; the libraries' floor alone is 1.37× it " +
  '(bench/ingredients/stack-floor.ts)';
export const CONSUMER_REASON =
  'dynamodb-toolbox (~85 KB), zod/mini (~25–35 KB: the domain events and lifecycle tables it parses) and ' +
  'Powertools over the bare client';
export const S3_REASON = 'a route (see ROUTE_REASON) plus the S3 client and presigner (~150 KB)';
export const XLSX_REASON =
  "a route (see ROUTE_REASON) plus exceljs's Workbook and what writing it needs (jszip, pako, saxes, " +
  'readable-stream, dayjs: ~450 KB): the .xlsx export';
export const PDF_REASON =
  'a route (see ROUTE_REASON) plus the forms: DejaVu fonts as bytes (1.4 MB), fontkit, pdfkit, qrcode ' +
  '(~1.9 MB; brotli is aliased out)';

/** The budget of a function whose entry says `bundle` (or not), in KB. */
export const bundleBudgetKb = (entry: { readonly bundle?: BundleBudget }): number =>
  entry.bundle?.kb ?? DEFAULT_BUNDLE_BUDGET_KB;
