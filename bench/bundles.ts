/**
 * Bundle size and cold-import time of every Lambda function, next to a bare DynamoDB handler.
 *
 * Bundles are built the way CDK's NodejsFunction builds them for infra/constructs/api-function.ts:
 * the esbuild CLI arguments CDK derives from its `FUNCTION_BUNDLING` props (aws-lambda-nodejs
 * bundling.js, buildEsbuildArgs), given here to esbuild's JS API one for one.
 *
 * Cold import = what Lambda's init phase does with the bundle: a fresh Node 22 process with the
 * function's environment imports `index.mjs` (the runtime loads an ESM handler with import(), not
 * require), timed inside the process with performance.now() around the import. Node's own start-up
 * is outside the timer, so no empty-process baseline is subtracted.
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { FUNCTION_BUNDLING } from '../infra/constructs/api-function';
import { DEADLINE_CLOCK } from '../shared/api/deadline-clock';
import { FUNCTIONS } from '../shared/api/functions';
import { ROUTES } from '../shared/api/routes';
import { ENV } from '../shared/platform/env';
import { median } from './stats';

export const REPO_ROOT = path.resolve(__dirname, '..');
/** The project's Node 22 (npm package `node`): the version Lambda runs, whatever node is on PATH. */
export const NODE22 = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');

export interface BenchFunction {
  id: string;
  /** Handler module relative to the repository root. */
  entry: string;
}

export const BARE_FUNCTION: BenchFunction = { id: 'bare DynamoDBClient', entry: 'bench/bare-handler.ts' };

/**
 * Parts every handler loads, each bundled alone the same way: what dominates a cold import. They
 * overlap (the route table contains zod, the data layer and idempotency both the SDK client), so
 * their times do not add up to a handler's.
 */
export const INGREDIENTS: BenchFunction[] = [
  { id: "zod alone (import { z } from 'zod')", entry: 'bench/ingredients/zod.ts' },
  { id: 'zod as a namespace (import * as z)', entry: 'bench/ingredients/zod-namespace.ts' },
  { id: 'zod/mini', entry: 'bench/ingredients/zod-mini.ts' },
  { id: 'route table (zod + all schemas)', entry: 'bench/ingredients/route-table.ts' },
  { id: 'Powertools logger/metrics', entry: 'bench/ingredients/powertools.ts' },
  { id: 'data layer (SDK + toolbox + entities)', entry: 'bench/ingredients/data-layer.ts' },
  { id: 'idempotency (key record + SDK)', entry: 'bench/ingredients/idempotency.ts' },
  {
    id: 'stack floor (middy, Powertools, toolbox get/put, zod/mini)',
    entry: 'bench/ingredients/stack-floor.ts',
  },
];

/** Every function CDK deploys: one per route and one per function table entry. */
export function deployedFunctions(): BenchFunction[] {
  return [
    ...ROUTES.map((r) => ({ id: r.id, entry: r.entry })),
    ...FUNCTIONS.map((f) => ({ id: f.id, entry: f.entry })),
  ];
}

/**
 * api-function.ts `FUNCTION_BUNDLING`, as the esbuild options CDK derives from it (CLI flag in each
 * comment); the entry point (`--bundle <projectRoot>/<entry>`) and the output file are added per
 * build. Read from the construct's own constant, so the bench and the budget test cannot drift
 * from what CDK deploys; a bundling prop this mapping does not know fails here instead.
 */
export const CDK_ESBUILD_OPTIONS: BuildOptions = esbuildOptionsOf(FUNCTION_BUNDLING);

function esbuildOptionsOf(bundling: typeof FUNCTION_BUNDLING): BuildOptions {
  const known = new Set([
    'minify',
    'sourceMap',
    'sourceMapMode',
    'sourcesContent',
    'target',
    'format',
    'mainFields',
    'banner',
    'bundleAwsSDK',
    'loader',
    'esbuildArgs',
  ]);
  const unknown = Object.keys(bundling).filter((key) => !known.has(key));
  if (unknown.length) throw new Error(`bench/bundles.ts does not map bundling props ${unknown.join(', ')}`);
  if (bundling.sourceMapMode !== SourceMapMode.DEFAULT || bundling.format !== OutputFormat.ESM)
    throw new Error('bench/bundles.ts maps only ESM bundles with SourceMapMode.DEFAULT');
  return {
    absWorkingDir: REPO_ROOT, // CDK runs esbuild in projectRoot
    bundle: true,
    target: bundling.target, // --target=node22
    platform: 'node', // --platform=node
    format: 'esm', // --format=esm
    minify: bundling.minify, // --minify
    sourcemap: bundling.sourceMap, // --sourcemap (SourceMapMode.DEFAULT: a linked index.mjs.map)
    sourcesContent: bundling.sourcesContent, // --sources-content=false
    // bundleAwsSDK: true → no --external flags at all
    external: bundling.bundleAwsSDK ? [] : ['@aws-sdk/*'],
    banner: { js: bundling.banner }, // --banner:js=
    mainFields: [...bundling.mainFields], // --main-fields=module,main
    loader: { ...bundling.loader }, // --loader:.ttf=binary (the forms' fonts travel inside the bundle)
    alias: aliasesOf(bundling.esbuildArgs), // --alias:<module>=<stub> (brotli's decoder, fast-csv)
    logLevel: 'warning',
  };
}

/**
 * `esbuildArgs` CDK appends as they are (`--alias:<module>=<target>`); only aliases are mapped, and
 * any other flag fails here rather than being silently left out of the bench and the budget test.
 */
function aliasesOf(esbuildArgs: Record<string, string | boolean>): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const [flag, value] of Object.entries(esbuildArgs)) {
    const module = /^--alias:(.+)$/.exec(flag)?.[1];
    if (!module || typeof value !== 'string')
      throw new Error(`bench/bundles.ts does not map esbuildArgs ${flag}`);
    aliases[module] = value;
  }
  return aliases;
}

/** One function built exactly as CDK builds it: `<outdir>/index.mjs` (ESM) and its map. */
export const singleBuildOptions = (entry: string, outdir: string): BuildOptions => ({
  ...CDK_ESBUILD_OPTIONS,
  entryPoints: [path.join(REPO_ROOT, entry)],
  outfile: path.join(outdir, 'index.mjs'),
});

export interface PackageShare {
  name: string;
  bytes: number;
}

export interface Bundle extends BenchFunction {
  file: string;
  bytes: number;
  mapBytes: number;
  /** Output bytes per npm package (our own code as `functions/ + shared/`), largest first. */
  packages: PackageShare[];
}

const dirName = (fn: BenchFunction): string => fn.id.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * All bundles in one esbuild run with one entry point per function: without code splitting each
 * entry still becomes its own self-contained bundle, byte for byte what a build of that entry
 * alone gives (checkSameAsSingleBuild proves it on every run), but the SDK and zod are parsed
 * once instead of once per function, which halves the build time on 2 cores.
 */
export async function buildBundles(fns: readonly BenchFunction[], outRoot: string): Promise<Bundle[]> {
  const result = await build({
    ...CDK_ESBUILD_OPTIONS,
    entryPoints: Object.fromEntries(
      fns.map((fn) => [`${dirName(fn)}/index`, path.join(REPO_ROOT, fn.entry)]),
    ),
    outdir: outRoot,
    // What --outfile=index.mjs names the file; with outdir esbuild would write index.js.
    outExtension: { '.js': '.mjs' },
    // Not a CDK flag: it reports which inputs the bytes come from; the output is unchanged.
    metafile: true,
  });
  const metafile = result.metafile as Metafile;
  return Promise.all(
    fns.map(async (fn) => {
      const file = path.join(outRoot, dirName(fn), 'index.mjs');
      const [code, map] = await Promise.all([stat(file), stat(`${file}.map`)]);
      const output = Object.entries(metafile.outputs).find(
        ([out]) => path.resolve(REPO_ROOT, out) === file,
      )?.[1];
      if (!output) throw new Error(`esbuild reported no output ${file}`);
      return { ...fn, file, bytes: code.size, mapBytes: map.size, packages: packageShares(output) };
    }),
  );
}

export interface BundleSize extends BenchFunction {
  bytes: number;
  packages: PackageShare[];
}

/**
 * Every function's minified size and its bytes per package, as buildBundles makes them but kept in
 * memory (nothing written) and without source maps: what the bundle-size budget test reads.
 */
export async function bundleSizes(fns: readonly BenchFunction[]): Promise<BundleSize[]> {
  const outdir = path.join(REPO_ROOT, '.bundle-sizes'); // named only: write: false
  const result = await build({
    ...CDK_ESBUILD_OPTIONS,
    entryPoints: Object.fromEntries(
      fns.map((fn) => [`${dirName(fn)}/index`, path.join(REPO_ROOT, fn.entry)]),
    ),
    outdir,
    outExtension: { '.js': '.mjs' },
    // Without the map: it is a file of its own, and building it would cost a quarter of the time.
    // index.mjs then lacks only its last line, `//# sourceMappingURL=index.mjs.map` (35 bytes).
    sourcemap: false,
    metafile: true,
    write: false,
  });
  const outputs = result.metafile.outputs;
  return fns.map((fn) => {
    const file = path.join(outdir, dirName(fn), 'index.mjs');
    const code = result.outputFiles.find((f) => f.path === file);
    const output = Object.entries(outputs).find(([out]) => path.resolve(REPO_ROOT, out) === file)?.[1];
    if (!code || !output) throw new Error(`esbuild reported no output ${file}`);
    return { ...fn, bytes: code.contents.byteLength, packages: packageShares(output) };
  });
}

/** Builds `bundle`'s function alone, exactly as CDK would, and fails if any byte differs. */
export async function checkSameAsSingleBuild(bundle: Bundle, outRoot: string): Promise<void> {
  const options = singleBuildOptions(bundle.entry, path.join(outRoot, `single-${dirName(bundle)}`));
  await build(options);
  const file = options.outfile as string;
  for (const suffix of ['', '.map']) {
    const [single, shared] = await Promise.all([readFile(file + suffix), readFile(bundle.file + suffix)]);
    if (!single.equals(shared))
      throw new Error(
        `${bundle.id}: the shared build differs from a CDK-style single build (${suffix || 'code'})`,
      );
  }
}

export function packageShares(output: Metafile['outputs'][string]): PackageShare[] {
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = packageOf(input);
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1]! : 'functions/ + shared/';
}

/**
 * What Lambda and api-function.ts put in the environment of a function; handler modules read some
 * of it at import (TABLE_NAME, BUCKET_NAME via shared/platform/env.ts), so it must be there.
 * Values are dummies: nothing is called during import.
 */
const LAMBDA_ENV: Record<string, string> = {
  AWS_REGION: 'ap-southeast-1',
  AWS_DEFAULT_REGION: 'ap-southeast-1',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  AWS_LAMBDA_FUNCTION_NAME: 'mot-cua-bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_LAMBDA_LOG_FORMAT: 'JSON',
  AWS_LAMBDA_LOG_LEVEL: 'INFO',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  POWERTOOLS_SERVICE_NAME: 'mot-cua',
  POWERTOOLS_METRICS_NAMESPACE: 'MotCua',
  // api-function.ts sets it on every function; Node then reads each module's source map at load.
  NODE_OPTIONS: '--enable-source-maps',
  [ENV.tableName]: 'mot-cua-bench',
  [ENV.bucketName]: 'mot-cua-bench-attachments',
  [DEADLINE_CLOCK.stateMachineArnEnv]: 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:bench',
};

/** Runs in the child: the import and nothing else between the two clock readings. */
const IMPORT_TIMER = `
const url = process.argv[1];
const t0 = performance.now();
await import(url);
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms }));
`;

/** Milliseconds one fresh Node 22 process spends importing `file`. */
export function coldImportOnce(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // A clean environment, not ours: no tsx loader, no compile cache, nothing inherited by chance.
    const child = spawn(NODE22, ['--input-type=module', '-e', IMPORT_TIMER, pathToFileURL(file).href], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...LAMBDA_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0)
        return reject(new Error(`importing ${file} failed (exit ${code}): ${err.slice(-2000)}`));
      resolve((JSON.parse(out) as { ms: number }).ms);
    });
  });
}

export interface ColdImport {
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/**
 * `runs` imports per bundle, taken round-robin (one of each bundle, then the next round) so a
 * burst of noise on the machine spreads over all functions instead of hitting one. Sequential:
 * on 2 cores, two imports at once would time each other.
 */
export async function measureColdImports(
  bundles: readonly Bundle[],
  runs: number,
): Promise<Map<string, ColdImport>> {
  const samples = new Map<string, number[]>(bundles.map((b) => [b.id, []]));
  for (let run = 0; run < runs; run++) {
    for (const bundle of bundles) samples.get(bundle.id)!.push(await coldImportOnce(bundle.file));
  }
  return new Map(
    [...samples].map(([id, ms]) => [
      id,
      { medianMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms) },
    ]),
  );
}
