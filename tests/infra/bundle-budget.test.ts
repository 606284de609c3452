/**
 * Issue 14 §3: every deployed function's minified bundle stays under its budget
 * (shared/api/bundle-budgets.ts). Bundled with the esbuild options CDK derives from
 * FUNCTION_BUNDLING (bench/bundles.ts maps them one for one), in one esbuild run with one entry
 * point per function: each entry is its own self-contained bundle, the same bytes as a build of it
 * alone, but the SDK and zod are parsed once. Bytes are deterministic, so the budgets are exact.
 */
import { bundleSizes, deployedFunctions, type BundleSize } from '../../bench/bundles';
import {
  BUNDLE_BUDGET_EXCEPTIONS,
  DEFAULT_BUNDLE_BUDGET_KB,
  bundleBudgetKb,
} from '../../shared/api/bundle-budgets';

const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(0)} KB`;

/** What a developer needs to see when a function grows: where its bytes come from. */
function overBudget(bundle: BundleSize): string {
  const budget = bundleBudgetKb(bundle.id);
  const why = BUNDLE_BUDGET_EXCEPTIONS[bundle.id] ? 'its exception' : 'the default';
  const top = bundle.packages
    .slice(0, 6)
    .map((p) => `${p.name} ${kb(p.bytes)}`)
    .join(', ');
  return `${bundle.id} (${bundle.entry}): ${kb(bundle.bytes)} > ${budget} KB (${why}); largest: ${top}`;
}

describe('bundle-size budgets', () => {
  const functions = deployedFunctions();
  let bundles: BundleSize[];

  beforeAll(async () => {
    bundles = await bundleSizes(functions);
  }, 300_000);

  test('every function bundle fits its budget', () => {
    const over = bundles.filter((b) => b.bytes > bundleBudgetKb(b.id) * KB).map(overBudget);
    expect(over).toEqual([]);
  });

  test('no bundle carries the X-Ray SDK: Lambda active tracing traces without it (docs/cold-start.md)', () => {
    const withXray = bundles
      .filter((b) => b.packages.some((p) => p.name === 'aws-xray-sdk-core'))
      .map((b) => b.id);
    expect(withXray).toEqual([]);
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

  test('every exception names a deployed function, gives a reason and is above the default', () => {
    const ids = new Set(functions.map((f) => f.id));
    for (const [id, exception] of Object.entries(BUNDLE_BUDGET_EXCEPTIONS)) {
      expect({ id, known: ids.has(id) }).toEqual({ id, known: true });
      expect(exception.reason.length).toBeGreaterThan(20);
      expect(exception.kb).toBeGreaterThan(DEFAULT_BUNDLE_BUDGET_KB);
    }
  });
});
