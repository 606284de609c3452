/**
 * Issue 14 §3: every deployed function's minified bundle stays under the budget written next to it
 * (`bundle` in its route's metadata, shared/api/route-meta/<id>.ts, or in its function-table entry,
 * shared/api/functions.ts; the default and the reasons in shared/api/bundle-budgets.ts). Bundled
 * with the esbuild options CDK derives from FUNCTION_BUNDLING (bench/bundles.ts maps them one for
 * one), in one esbuild run with one entry point per function: each entry is its own self-contained
 * bundle, the same bytes as a build of it alone, but the SDK and zod are parsed once. Bytes are
 * deterministic, so the budgets are exact.
 */
import { bundleSizes, deployedFunctions, type BundleSize } from '../../bench/bundles';
import { DEFAULT_BUNDLE_BUDGET_KB, bundleBudgetKb, type BundleBudget } from '../../shared/api/bundle-budgets';
import { FUNCTIONS } from '../../shared/api/functions';
import { ROUTE_META } from '../../shared/api/route-meta';

const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(0)} KB`;

/** Every deployed function's entry (route metadata or function table), where its budget is written. */
const ENTRIES = new Map<string, { readonly entry: string; readonly bundle?: BundleBudget }>(
  [...ROUTE_META, ...FUNCTIONS].map((e) => [e.id, e]),
);
const budgetOf = (id: string): number => {
  const entry = ENTRIES.get(id);
  if (!entry) throw new Error(`${id} is neither a route nor a function-table entry`);
  return bundleBudgetKb(entry);
};

/** What a developer needs to see when a function grows: where its bytes come from. */
function overBudget(bundle: BundleSize, budgetKb: number, written: boolean): string {
  const why = written ? 'its `bundle` entry' : 'the default';
  const top = bundle.packages
    .slice(0, 6)
    .map((p) => `${p.name} ${kb(p.bytes)}`)
    .join(', ');
  return `${bundle.id} (${bundle.entry}): ${kb(bundle.bytes)} > ${budgetKb} KB (${why}); largest: ${top}`;
}

describe('bundle-size budgets', () => {
  const functions = deployedFunctions();
  let bundles: BundleSize[];

  beforeAll(async () => {
    bundles = await bundleSizes(functions);
  }, 300_000);

  test('every function bundle fits the budget written beside it', () => {
    const over = bundles
      .filter((b) => b.bytes > budgetOf(b.id) * KB)
      .map((b) => overBudget(b, budgetOf(b.id), ENTRIES.get(b.id)?.bundle !== undefined));
    expect(over).toEqual([]);
  });

  test('no bundle carries the X-Ray SDK: Lambda active tracing traces without it (docs/cold-start.md)', () => {
    const withXray = bundles
      .filter((b) => b.packages.some((p) => p.name === 'aws-xray-sdk-core'))
      .map((b) => b.id);
    expect(withXray).toEqual([]);
  });

  test('no bundle carries a second STS client: tenant credentials reuse the credential chain’s (docs/cold-start.md)', () => {
    // The default credential chain, in every bundle, holds an STS client (@aws-sdk/nested-clients);
    // tenant-credentials.ts assumes through it with fromTemporaryCredentials. @aws-sdk/client-sts
    // would add ~31 KB to every tenant-scoped function for the same AssumeRole.
    const withClientSts = bundles
      .filter((b) => b.packages.some((p) => p.name === '@aws-sdk/client-sts'))
      .map((b) => b.id);
    expect(withClientSts).toEqual([]);
  });

  test("no bundle carries brotli or fast-csv (aliased to stubs) or exceljs's stream reader/writer", () => {
    // FUNCTION_BUNDLING's aliases (shared/forms/no-brotli.ts, shared/usecases/no-fast-csv.ts);
    // report-workbook.ts imports exceljs's Workbook module, without the package entry's streaming
    // classes (unzipper, bluebird, archiver).
    const dead = [
      'brotli',
      'fast-csv',
      '@fast-csv/parse',
      '@fast-csv/format',
      'unzipper',
      'bluebird',
      'archiver',
    ];
    const carrying = bundles.flatMap((b) =>
      b.packages.filter((p) => dead.includes(p.name)).map((p) => `${b.id}: ${p.name}`),
    );
    expect(carrying).toEqual([]);
    // The monthly summary shares report-export.ts with the export but draws no workbook.
    const summary = bundles.find((b) => b.id === 'getAgencyMonthSummary');
    expect(summary?.packages.map((p) => p.name)).not.toContain('exceljs');
    expect(bundles.find((b) => b.id === 'exportReport')?.packages.map((p) => p.name)).toContain('exceljs');
  });

  test('no function-table function bundles Powertools Metrics: none records one (shared/platform/metrics.ts)', () => {
    // The HTTP chain (http.ts) flushes Powertools Metrics; the functions of the table write their
    // per-tenant counts as EMF lines by hand (tenant-metrics.ts) and import only the logger.
    const table = new Set<string>(FUNCTIONS.map((f) => f.id));
    const withMetrics = bundles
      .filter((b) => table.has(b.id) && b.packages.some((p) => p.name === '@aws-lambda-powertools/metrics'))
      .map((b) => b.id);
    expect(withMetrics).toEqual([]);
  });

  test('an SDK client is bundled only where the function calls its service', () => {
    // aws-clients.ts imports nine clients; esbuild keeps a client only if its getter is called.
    // The counters (function table) use the table alone: any other client in them would mean
    // that tree-shaking stopped working and every function now carries every client.
    const counters = bundles.filter((b) => b.id.startsWith('count'));
    expect(counters.length).toBeGreaterThan(0);
    const strayClients = counters.flatMap((b) =>
      b.packages
        .filter((p) => p.name.startsWith('@aws-sdk/client-') && p.name !== '@aws-sdk/client-dynamodb')
        .map((p) => `${b.id}: ${p.name}`),
    );
    expect(strayClients).toEqual([]);
  });

  test('every written budget is above the default and gives a reason; every function is measured', () => {
    expect(functions.map((f) => f.id).sort()).toEqual([...ENTRIES.keys()].sort());
    for (const [id, { bundle }] of ENTRIES) {
      if (!bundle) continue;
      expect({ id, reasoned: bundle.reason.length > 20 }).toEqual({ id, reasoned: true });
      expect({ id, above: bundle.kb > DEFAULT_BUNDLE_BUDGET_KB }).toEqual({ id, above: true });
    }
  });
});
